import { router } from "../../trpc";
import { cancelProcedure } from "./cancel";
import { eventsProcedure } from "./events";
import { getProcedure } from "./get";
import { listProcedure } from "./list";
import { timelineProcedure } from "./timeline";

export const jobsRouter = router({
  get: getProcedure,
  list: listProcedure,
  timeline: timelineProcedure,
  events: eventsProcedure,
  cancel: cancelProcedure,
});

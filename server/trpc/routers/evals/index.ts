import { router } from "../../trpc";
import { decideDescriptionProcedure } from "./decide-description";
import { feedbackProcedure } from "./feedback";
import { getProcedure } from "./get";
import { latestProcedure } from "./latest";
import { startProcedure } from "./start";

export const evalsRouter = router({
  start: startProcedure,
  get: getProcedure,
  latest: latestProcedure,
  decideDescription: decideDescriptionProcedure,
  feedback: feedbackProcedure,
});

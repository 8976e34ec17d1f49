import { router } from "../../trpc";
import { infoProcedure } from "./info";

export const systemRouter = router({
  info: infoProcedure,
});

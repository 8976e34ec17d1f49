import { router } from "../../trpc";
import { draftGetProcedure } from "./get";
import { draftPromoteProcedure } from "./promote";

export const draftsRouter = router({
  get: draftGetProcedure,
  promote: draftPromoteProcedure,
});

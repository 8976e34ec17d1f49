import { router } from "../../trpc";
import { draftGetProcedure } from "./get";
import { draftPromoteProcedure } from "./promote";
import { draftSaveProcedure } from "./save";

export const draftsRouter = router({
  get: draftGetProcedure,
  save: draftSaveProcedure,
  promote: draftPromoteProcedure,
});

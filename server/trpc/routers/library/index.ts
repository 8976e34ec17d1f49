import { router } from "../../trpc";
import { getProcedure } from "./get";
import { searchProcedure } from "./search";
import { treeProcedure } from "./tree";
import { xmlProcedure } from "./xml";

export const libraryRouter = router({
  tree: treeProcedure,
  search: searchProcedure,
  get: getProcedure,
  xml: xmlProcedure,
});

import { router } from "../../trpc";
import { diffProcedure } from "./diff";
import { getProcedure } from "./get";
import { importProcedure } from "./import";
import { listProcedure } from "./list";
import { deleteProcedure, undeleteProcedure } from "./remove";
import { restoreProcedure } from "./restore";
import { saveProcedure } from "./save";
import { searchProcedure } from "./search";
import { treeProcedure } from "./tree";
import { versionsProcedure } from "./versions";
import { xmlProcedure } from "./xml";

export const libraryRouter = router({
  tree: treeProcedure,
  search: searchProcedure,
  list: listProcedure,
  get: getProcedure,
  versions: versionsProcedure,
  diff: diffProcedure,
  save: saveProcedure,
  restore: restoreProcedure,
  delete: deleteProcedure,
  undelete: undeleteProcedure,
  import: importProcedure,
  xml: xmlProcedure,
});

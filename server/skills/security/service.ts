import type { SecurityReport } from "../../../contracts/security-report";
import { contextFromFiles } from "../validator/sources";
import { scanSkill } from "./scan";
import { scanInputFromContent, scanInputFromZip } from "./sources";

/** The scan for `skills.scan`: the same three input forms as `skills.validate`, checked the same way. */
export const securityScanService = {
  content: (content: string): SecurityReport => scanSkill(scanInputFromContent(content)),
  /** A folder's files keyed `folder/relative`; the keys are checked like any path input. */
  files: (files: Record<string, string>): SecurityReport => scanSkill(contextFromFiles(files)),
  zip: async (zip: Uint8Array): Promise<SecurityReport> => scanSkill(await scanInputFromZip(zip)),
};

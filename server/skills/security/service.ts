import type { SecurityReport } from "../../../contracts/security-report";
import { contextFromFiles } from "../validator/sources";
import { scanSkill } from "./scan";
import { scanInputFromContent, scanInputFromZip } from "./sources";
import type { ScanInput } from "./types";

/**
 * The scan for `skills.scan`: the same three input forms as `skills.validate`, checked the same way. The inputs are
 * exposed too, so the edge can hand the same files to the model judge (server/llm/security-judge.ts).
 */
export const securityScanService = {
  inputs: {
    content: (content: string): ScanInput => scanInputFromContent(content),
    /** A folder's files keyed `folder/relative`; the keys are checked like any path input. */
    files: (files: Record<string, string>): ScanInput => contextFromFiles(files),
    zip: (zip: Uint8Array): Promise<ScanInput> => scanInputFromZip(zip),
  },
  scan: (input: ScanInput): SecurityReport => scanSkill(input),
};

import { securityScanService } from "../security/service";
import { validateSkillContent, validateSkillDirectory, validateSkillFiles, validateSkillZip } from "./index";

/** The validator as a service (server/services.ts): pasted text, a folder's files, a zip, a folder on disk. */
export const validationService = {
  content: validateSkillContent,
  files: validateSkillFiles,
  zip: validateSkillZip,
  directory: validateSkillDirectory,
  /** The security scan alone (`skills.scan`, docs/security-scan.md). */
  scan: securityScanService,
};

export type ValidationService = typeof validationService;

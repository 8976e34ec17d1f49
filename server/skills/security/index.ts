/**
 * The security scan (docs/security-scan.md): pure functions over a skill's files already in memory, shared by
 * the validator, `skills.scan`, the CLI's `scan` and the install/serve gates. No I/O, no model.
 */
export { addFindings, scanSkill, SECURITY_RULES } from "./scan";
export { buildView } from "./view";
export type { ScanFile, ScanInput, SecurityRule } from "./types";

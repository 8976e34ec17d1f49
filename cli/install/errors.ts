import { CliError } from "../errors";

/**
 * Why an install, check or update refused to run. Each is found before anything is written, so the target folders
 * and the lock file are left exactly as they were (docs/distribution.md, "Bad input").
 */
export type InstallErrorCode =
  | "UNKNOWN_AGENT"
  | "BAD_SCOPE"
  | "BAD_SKILL_PATH"
  | "TARGET_IS_FILE"
  | "READ_ONLY"
  | "TARGET_EXISTS"
  | "BAD_LOCK"
  | "NOT_INSTALLED"
  | "RISKY_SKILL";

export class InstallError extends CliError {
  constructor(
    readonly code: InstallErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

import type { SecurityReport } from "../../../contracts/security-report";
import { skillIdToName } from "../paths";
import { scanSkill } from "./scan";
import { scanInputFromBytes } from "./sources";

/** What the scan needs of a library snapshot (a stored version): its path and its files' bytes. */
export interface StoredSkill {
  skill: { path: string };
  files: { path: string; bytes: Uint8Array }[];
}

/** A stored version scanned as it is served or installed, named by its folder name in the findings. */
export function scanStoredSkill(snapshot: StoredSkill): SecurityReport {
  const files = new Map(snapshot.files.map((file) => [file.path, file.bytes]));
  return scanSkill(scanInputFromBytes(skillIdToName(snapshot.skill.path), files));
}

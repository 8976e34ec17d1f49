import { scanStoredSkill } from "../../../skills/security/snapshot";
import type { AppServices } from "../../../services";
import { versionView } from "./views";

/** What import, save and restore answer: the new version, and the security scan of exactly its files. */
export async function savedView(
  library: AppServices["library"],
  path: string,
  version: Parameters<typeof versionView>[0],
) {
  const snapshot = await library.get(path, version.number ?? undefined);
  return { path, version: versionView(version), security: scanStoredSkill(snapshot) };
}

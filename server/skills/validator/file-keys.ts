import { badRequest } from "../../common/errors";
import { parseInMemoryPath } from "../paths";

/**
 * A folder's files arrive as a map whose keys callers write one of two ways: from inside the skill folder
 * (`SKILL.md`, `references/x.md`) or all under one folder (`my-skill/SKILL.md`, `my-skill/references/x.md`). A map
 * that could be read either way is refused rather than guessed, since a wrong guess validates the wrong file.
 */

export const FILE_KEY_SHAPES =
  'key every file either from inside the skill folder ("SKILL.md", "references/x.md") ' +
  'or under one folder ("my-skill/SKILL.md", "my-skill/references/x.md"), not both';

export interface KeyedFiles {
  /** The folder the keys named, or `folderName` (null when neither says: the declared name stands in). */
  folder: string | null;
  /** Each key's path inside the folder, in the keys' order ("" for the folder itself, "dir/" for an empty one). */
  inner: string[];
}

/** Every key is checked like any path input; a trailing "/" (an empty directory) is kept. */
const checkKey = (key: string): string =>
  key.endsWith("/") ? `${parseInMemoryPath(key.slice(0, -1))}/` : parseInMemoryPath(key);

/** A key that is some folder's own SKILL.md (`x/SKILL.md`), i.e. one that only makes sense in the folder shape. */
const isFolderSkillMd = (key: string): boolean => /^[^/]+\/SKILL\.md$/.test(key);

function fromInside(keys: string[], folderName: string | undefined): KeyedFiles {
  const nested = keys.find(isFolderSkillMd);
  if (nested !== undefined)
    throw badRequest(`Ambiguous files: both "SKILL.md" and "${nested}" are given; ${FILE_KEY_SHAPES}`);
  return { folder: folderName ?? null, inner: keys };
}

function underOneFolder(keys: string[], folderName: string | undefined): KeyedFiles {
  const loose = keys.find((key) => !key.includes("/"));
  if (loose !== undefined && keys.some((key) => key.includes("/")))
    throw badRequest(`Ambiguous files: "${loose}" is not under the folder the other keys name; ${FILE_KEY_SHAPES}`);
  const folders = [...new Set(keys.map((key) => key.split("/")[0] ?? ""))];
  const [folder] = folders;
  if (folders.length !== 1 || folder === undefined)
    throw badRequest(`All files must be inside one skill folder (got ${folders.join(", ")}); ${FILE_KEY_SHAPES}`);
  if (folderName !== undefined && folderName !== folder)
    throw badRequest(`folderName "${folderName}" disagrees with the folder the keys name ("${folder}/")`);
  return { folder, inner: keys.map((key) => key.slice(folder.length + 1)) };
}

/** Reads which of the two shapes the keys use; `folderName` names the folder for keys written from inside it. */
export function splitFileKeys(keys: string[], folderName?: string): KeyedFiles {
  const checked = keys.map(checkKey);
  return checked.includes("SKILL.md") ? fromInside(checked, folderName) : underOneFolder(checked, folderName);
}

import fs from "node:fs/promises";
import path from "node:path";
import type { inferRouterInputs } from "@trpc/server";
import { listTree } from "../server/skills/fs-tree";
import { decodeFile } from "../server/skills/validator/context";
import type { AppRouter } from "../server/trpc/root";
import { CliError } from "./errors";

/**
 * What `skills.validate` gets for a path on disk: a .zip as base64, a folder as its text files keyed
 * "folder/relative" (walked like the server walks one: hidden entries skipped, symlinks not followed), a single
 * file as its content (a SKILL.md also names its folder, so the name/folder rule can compare them).
 */
export type ValidateInput = inferRouterInputs<AppRouter>["skills"]["validate"];

export interface PreparedInput {
  input: ValidateInput;
  /** Files that could not be sent as text (binary, symlinks): the report cannot cover them. */
  skipped: string[];
}

async function folderInput(dir: string): Promise<PreparedInput> {
  const folder = path.basename(dir);
  const listing = await listTree(dir);
  const files: Record<string, string> = {};
  const skipped = listing.symlinks.map((link) => `${folder}/${link} (symlink)`);
  for (const dirName of listing.dirs) files[`${folder}/${dirName}/`] = "";
  for (const file of listing.files) {
    const { text } = decodeFile(await fs.readFile(file.absolute));
    if (text === null) skipped.push(`${folder}/${file.relative} (not UTF-8 text)`);
    else files[`${folder}/${file.relative}`] = text;
  }
  return { input: { files }, skipped };
}

export async function validationInput(target: string): Promise<PreparedInput> {
  const absolute = path.resolve(target);
  const stat = await fs.stat(absolute).catch(() => null);
  if (!stat) throw new CliError(`no such file or folder: ${target}`);
  if (stat.isDirectory()) return folderInput(absolute);
  const bytes = await fs.readFile(absolute);
  if (/\.zip$/i.test(absolute)) return { input: { zipBase64: bytes.toString("base64") }, skipped: [] };
  const { text } = decodeFile(bytes);
  if (text === null) throw new CliError(`${target} is not a text file (validate a SKILL.md, a skill folder or a .zip)`);
  const folderName = path.basename(absolute) === "SKILL.md" ? path.basename(path.dirname(absolute)) : undefined;
  return { input: { content: text, ...(folderName ? { folderName } : {}) }, skipped: [] };
}

import fs from "node:fs/promises";
import path from "node:path";
import { isMapping, parseFrontmatterYaml, splitSkillMd } from "./skill-md";
import { skillIdToName } from "./paths";

/**
 * Discovery (reference §7.5): every folder under the root holding a SKILL.md is a skill whose id is its path;
 * segments starting with "_" (drafts, temp) or "." are skipped, symlinks are never followed, and a skill whose
 * SKILL.md cannot be read is skipped rather than failing the whole library.
 */

export interface LibraryEntry {
  path: string;
  name: string;
  description: string;
  tags: string[];
  /** Absolute folder of the skill. */
  dir: string;
}

const MAX_DEPTH = 6;

function frontmatterOf(text: string): Record<string, unknown> {
  const split = splitSkillMd(text);
  if (split.kind !== "ok") return {};
  const parsed = parseFrontmatterYaml(split.yamlText);
  return !parsed.error && isMapping(parsed.value) ? parsed.value : {};
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(await fs.readFile(/*turbopackIgnore: true*/ file, "utf8"));
    return isMapping(value) ? value : {};
  } catch {
    return {};
  }
}

function tagsOf(metadataJson: Record<string, unknown>, frontmatter: Record<string, unknown>): string[] {
  if (Array.isArray(metadataJson.tags))
    return metadataJson.tags.filter((tag): tag is string => typeof tag === "string");
  const inline = isMapping(frontmatter.metadata) ? frontmatter.metadata.tags : undefined;
  return typeof inline === "string" ? inline.split(/[,\s]+/).filter(Boolean) : [];
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : null;

/** One skill's index entry, or null when `<root>/<skillPath>/SKILL.md` is missing or unreadable. */
export async function loadEntry(root: string, skillPath: string): Promise<LibraryEntry | null> {
  const dir = path.join(root, ...skillPath.split("/"));
  const skillMd = await fs.readFile(/*turbopackIgnore: true*/ path.join(dir, "SKILL.md"), "utf8").catch(() => null);
  if (skillMd === null) return null;
  const frontmatter = frontmatterOf(skillMd);
  const metadataJson = await readJson(path.join(dir, "metadata.json"));
  return {
    path: skillPath,
    name: text(frontmatter.name) ?? text(metadataJson.name) ?? skillIdToName(skillPath),
    description: text(frontmatter.description) ?? text(metadataJson.description) ?? "",
    tags: tagsOf(metadataJson, frontmatter),
    dir,
  };
}

async function walk(root: string, relative: string, depth: number, found: string[]): Promise<void> {
  const entries = await fs
    .readdir(/*turbopackIgnore: true*/ path.join(root, relative), { withFileTypes: true })
    .catch(() => []);
  if (relative !== "" && entries.some((entry) => entry.isFile() && entry.name === "SKILL.md")) found.push(relative);
  if (depth >= MAX_DEPTH) return;
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
    await walk(root, relative === "" ? entry.name : `${relative}/${entry.name}`, depth + 1, found);
  }
}

export async function scanSkills(root: string): Promise<Map<string, LibraryEntry>> {
  const found: string[] = [];
  await walk(root, "", 0, found);
  const index = new Map<string, LibraryEntry>();
  for (const skillPath of found) {
    const entry = await loadEntry(root, skillPath);
    if (entry) index.set(skillPath, entry);
  }
  return index;
}

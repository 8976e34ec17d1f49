import { badRequest } from "../common/errors";
import { parseRelativeFile, skillIdToName } from "./paths";
import {
  composeSkillMd,
  MAX_DESCRIPTION_CHARS,
  normaliseFrontmatter,
  parseSkillMd,
  truncateChars,
  type SkillMdDocument,
} from "./skill-md";

/**
 * Turns a generated SKILL.md (plus extra files and metadata) into the files of a skill folder, as the
 * docs/skill-format.md describes: metadata.json with defaults, SKILL.md with normalised frontmatter, the extra
 * files, and assets/examples extracted from the body. The skill workflow writes the result as a draft version
 * (server/skills/library/drafts.ts).
 */

export type SkillFiles = Map<string, string>;

export interface SkillWriteInput {
  skillPath: string;
  skillMd: string;
  files?: Record<string, string>;
  metadata?: Record<string, unknown>;
  now?: Date;
}

/** Generated text may lack valid frontmatter; the draft is still written and the validator says what is wrong. */
function lenientParse(text: string): SkillMdDocument {
  try {
    return parseSkillMd(text);
  } catch {
    return { frontmatter: {}, body: text };
  }
}

/** The first paragraph of the body without a leading heading (docs/skill-format.md, SKILL.md: description fallback). */
export function firstParagraph(body: string): string {
  const paragraphs = body.split(/\n\s*\n/).map((block) => block.replace(/^#+\s.*$/m, "").trim());
  return truncateChars(paragraphs.find((block) => block !== "") ?? "", MAX_DESCRIPTION_CHARS);
}

const stringOr = (value: unknown, fallback: string): string =>
  typeof value === "string" && value.trim() !== "" ? value : fallback;

/** metadata.json contents: defaults of docs/skill-format.md, metadata.json under whatever the caller supplied. */
export function fillMetadata(input: SkillWriteInput, doc: SkillMdDocument): Record<string, unknown> {
  const given = input.metadata ?? {};
  const now = (input.now ?? new Date()).toISOString();
  const segments = input.skillPath.split("/");
  return {
    ...given,
    skill_id: stringOr(given.skill_id, input.skillPath),
    name: stringOr(given.name, skillIdToName(input.skillPath)),
    description: truncateChars(
      stringOr(given.description, stringOr(doc.frontmatter.description, firstParagraph(doc.body))),
      MAX_DESCRIPTION_CHARS,
    ),
    version: stringOr(given.version, "1.0.0"),
    type: stringOr(given.type, "technical"),
    weight: stringOr(given.weight, "medium"),
    load_priority: stringOr(given.load_priority, "on_demand"),
    dependencies: Array.isArray(given.dependencies) ? given.dependencies : [],
    capabilities: Array.isArray(given.capabilities) ? given.capabilities : [],
    tags: Array.isArray(given.tags) ? given.tags : [],
    category: stringOr(given.category, segments.slice(0, -1).join("/")),
    created_at: stringOr(given.created_at, now),
    last_modified: now,
    evolution: given.evolution ?? { created_by: "skill-fleet", workflow: "skill", validation_score: null },
  };
}

function allowedToolsOf(metadata: Record<string, unknown>): string | string[] | undefined {
  const value = metadata.allowed_tools ?? metadata["allowed-tools"];
  return typeof value === "string" || Array.isArray(value) ? (value as string | string[]) : undefined;
}

/** SKILL.md as the system writes it: normalised frontmatter from the filled metadata, then the body. */
export function systemSkillMd(doc: SkillMdDocument, metadata: Record<string, unknown>): string {
  const facts = {
    name: String(metadata.name),
    description: String(metadata.description),
    metadata: {
      skill_id: String(metadata.skill_id),
      version: String(metadata.version),
      type: String(metadata.type),
      weight: String(metadata.weight),
    },
    allowedTools: allowedToolsOf(metadata),
  };
  return composeSkillMd(normaliseFrontmatter(doc.frontmatter, facts), doc.body);
}

const ASSET_HEADING = /^#{2,6}\s+`([^`]+)`\s*$/;
const SAFE_ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const FENCE_OPEN = /^\s*```\s*([\w+-]*)/;

interface FencedBlock {
  language: string;
  content: string;
  /** Index of the opening fence line. */
  start: number;
}

/** Fenced blocks of a markdown text, in order. */
export function fencedBlocks(lines: string[]): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = FENCE_OPEN.exec(lines[index] ?? "");
    if (!open) continue;
    const close = lines.findIndex((line, at) => at > index && /^\s*```\s*$/.test(line));
    if (close === -1) break;
    blocks.push({
      language: (open[1] ?? "").toLowerCase(),
      content: `${lines.slice(index + 1, close).join("\n")}\n`,
      start: index,
    });
    index = close;
  }
  return blocks;
}

const isHeading = (line: string | undefined): boolean => /^#{1,6}\s/.test(line ?? "");

/** `### \`pytest.ini\`` followed (before the next heading) by a fenced block → assets/pytest.ini. */
export function extractAssets(body: string): SkillFiles {
  const lines = body.split("\n");
  const blocks = fencedBlocks(lines);
  const assets: SkillFiles = new Map();
  lines.forEach((line, index) => {
    const name = ASSET_HEADING.exec(line)?.[1];
    if (!name || !SAFE_ASSET_NAME.test(name) || name.includes("..")) return;
    const block = blocks.find((candidate) => candidate.start > index);
    const headingBetween = block && lines.slice(index + 1, block.start).some(isHeading);
    if (block && !headingBetween) assets.set(`assets/${name}`, block.content);
  });
  return assets;
}

const EXTENSIONS: Record<string, string> = {
  python: "py",
  py: "py",
  bash: "sh",
  sh: "sh",
  zsh: "sh",
  shell: "sh",
  ini: "ini",
  toml: "toml",
  yaml: "yml",
  yml: "yml",
  json: "json",
};

/** Fenced blocks inside `## Usage Examples` → examples/example_N.<ext>. */
export function extractUsageExamples(body: string): SkillFiles {
  const lines = body.split("\n");
  const start = lines.findIndex((line) => /^##\s+Usage Examples\b/i.test(line));
  if (start === -1) return new Map();
  const end = lines.findIndex((line, index) => index > start && /^##\s/.test(line));
  const section = lines.slice(start + 1, end === -1 ? undefined : end);
  return new Map(
    fencedBlocks(section).map((block, index) => [
      `examples/example_${index + 1}.${EXTENSIONS[block.language] ?? "txt"}`,
      block.content,
    ]),
  );
}

/** All files of the skill folder. Explicit `files` win over extracted ones; every name is checked. */
export function buildSkillFiles(input: SkillWriteInput): SkillFiles {
  const doc = lenientParse(input.skillMd);
  const metadata = fillMetadata(input, doc);
  const files: SkillFiles = new Map([...extractAssets(doc.body), ...extractUsageExamples(doc.body)]);
  for (const [name, content] of Object.entries(input.files ?? {})) files.set(parseRelativeFile(name), content);
  if (files.has("SKILL.md") || files.has("metadata.json"))
    throw badRequest("Extra files must not replace SKILL.md or metadata.json");
  files.set("metadata.json", `${JSON.stringify(metadata, null, 2)}\n`);
  files.set("SKILL.md", systemSkillMd(doc, metadata));
  return files;
}

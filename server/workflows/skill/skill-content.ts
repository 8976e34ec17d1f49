import { SCAFFOLD_LABEL } from "../../../contracts/validation";
import type { Plan } from "../../llm/steps/index";
import { fencedBlockCount, wordCount } from "../../skills/text-metrics";
import { isMapping, parseSkillMd, serializeSkillMd, splitSkillMd, type SkillFrontmatter } from "../../skills/skill-md";

/** How the skill's metadata labels the offline engine's output (the UI and the CLI say the same). */
export const SCAFFOLD_METADATA = { "skill-fleet-draft": SCAFFOLD_LABEL } as const;

/**
 * Keeps a generated SKILL.md consistent with the plan whatever the model wrote: frontmatter `name` and
 * `description` are the plan's (the folder is named after the name), and `metadata` says which engine wrote it
 * (and, for the offline engine, that it is a scaffold). A reply without usable frontmatter gets one; the body is
 * kept as written.
 */
export function alignFrontmatter(content: string, plan: Plan, engine: string): string {
  const { frontmatter, body } = readSkillMd(content);
  const metadata = isMapping(frontmatter.metadata) ? frontmatter.metadata : {};
  const scaffold = engine === "offline" ? SCAFFOLD_METADATA : {};
  const aligned: SkillFrontmatter = {
    ...frontmatter,
    name: plan.name,
    description: plan.description,
    metadata: { "skill-category": plan.skillCategory, ...stringMap(metadata), "generated-by": engine, ...scaffold },
  };
  return serializeSkillMd({ frontmatter: aligned, body });
}

function readSkillMd(content: string): { frontmatter: SkillFrontmatter; body: string } {
  if (splitSkillMd(content).kind !== "ok") return { frontmatter: {}, body: content };
  try {
    return parseSkillMd(content);
  } catch {
    const split = splitSkillMd(content);
    return { frontmatter: {}, body: split.kind === "ok" ? split.body : content };
  }
}

/** The specification wants metadata as a string map. */
function stringMap(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

/** Section titles (## and ###) of a SKILL.md body. */
export function sectionTitles(content: string): string[] {
  return [...content.matchAll(/^#{2,3}\s+(.+?)\s*#*\s*$/gm)].map((m) => (m[1] ?? "").trim());
}

export interface ContentFacts {
  sections: string[];
  examples: number;
  readingMinutes: number;
}

export function contentFacts(content: string): ContentFacts {
  return {
    sections: sectionTitles(content),
    examples: fencedBlockCount(content),
    readingMinutes: Math.max(1, Math.round(wordCount(content) / 200)),
  };
}

import { changeRequests } from "./feedback";
import { joinSections, sectionsOf, splitFrontmatter, titleCase, type Section } from "./markdown";
import { clip } from "./text";

/**
 * The improve workflow's revision without a model (docs/library.md, Improve). It only does what it can do
 * honestly: structural instructions (add, remove or rename a section) are applied, and an added section holds a
 * clearly marked place to fill, never invented content. Every other instruction is listed as not applied, in the
 * result and in a marked "To Do" section of the skill, so nothing claims an improvement that was not made.
 */
export interface OfflineImprovement {
  content: string;
  applied: string[];
  notApplied: string[];
}

export const FILL_MARKER = "TO FILL IN";

type Edit = (sections: Section[], match: RegExpExecArray) => Section[] | null;

const quoted = (text: string | undefined): string => (text ?? "").replace(/^["'“]|["'”.!]+$/g, "").trim();

const removeSection: Edit = (sections, m) => {
  const target = quoted(m[1]).toLowerCase();
  const kept = sections.filter((s) => !s.heading || !s.heading.toLowerCase().includes(target));
  return kept.length === sections.length ? null : kept;
};

const renameSection: Edit = (sections, m) => {
  const from = quoted(m[1]).toLowerCase();
  const index = sections.findIndex((s) => s.heading.slice(3).trim().toLowerCase() === from);
  const section = sections[index];
  if (!section) return null;
  const heading = `## ${titleCase(quoted(m[2]))}`;
  const renamed = { heading, text: section.text.replace(section.heading, heading) };
  return sections.map((s, at) => (at === index ? renamed : s));
};

const addSection: Edit = (sections, m) => {
  const subject = clip(quoted(m[1]), 60);
  if (!subject) return null;
  const heading = `## ${titleCase(subject)}`;
  if (sections.some((s) => s.heading.toLowerCase() === heading.toLowerCase())) return null;
  const note = `<!-- ${FILL_MARKER}: ${clip(m[0], 200)} (added without a model: write this section's content) -->`;
  return [...sections, { heading, text: `${heading}\n\n${note}\n` }];
};

const EDITS: [RegExp, Edit, string][] = [
  [
    /^(?:please\s+)?(?:remove|drop|delete)\s+(?:the\s+)?(?:section\s+)?(.+?)(?:\s+section)?[.!]?$/i,
    removeSection,
    "Removed section",
  ],
  [
    /^(?:please\s+)?(?:rename|retitle)\s+(?:the\s+)?(?:section\s+)?(.+?)\s+(?:section\s+)?to\s+(.+?)[.!]?$/i,
    renameSection,
    "Renamed section",
  ],
  [
    /^(?:please\s+)?(?:add|include)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:section\s+)?(?:about|on|for|called|named)?\s*(.+?)(?:\s+section)?[.!]?$/i,
    addSection,
    "Added a section to fill in",
  ],
];

function todoSection(notApplied: string[]): Section {
  const lines = notApplied.map((request) => `- [ ] ${clip(request, 200)}`).join("\n");
  const heading = "## To Do";
  const note = `<!-- ${FILL_MARKER}: instructions the offline engine could not apply (no model configured) -->`;
  return { heading, text: `${heading}\n\n${note}\n\n${lines}\n` };
}

export function improveOffline(skillMd: string, instructions: string): OfflineImprovement {
  const { head, body } = splitFrontmatter(skillMd);
  let sections = sectionsOf(body);
  const applied: string[] = [];
  const notApplied: string[] = [];
  for (const request of changeRequests(instructions)) {
    const edit = EDITS.map(([pattern, fn, label]) => ({ match: pattern.exec(request), fn, label })).find(
      (e) => e.match,
    );
    const next = edit?.match ? edit.fn(sections, edit.match) : null;
    if (next && edit) {
      sections = next;
      applied.push(`${edit.label}: ${clip(request, 80)}`);
    } else notApplied.push(request);
  }
  if (notApplied.length) sections = [...sections, todoSection(notApplied)];
  return { content: `${head}${joinSections(sections)}`, applied, notApplied };
}

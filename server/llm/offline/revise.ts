import { changeRequests } from "./feedback";
import { scaffoldLanguage } from "./language";
import { bullets, joinSections, sectionsOf, splitFrontmatter, titleCase } from "./markdown";
import { SCAFFOLD_STRINGS } from "./scaffold-strings";
import { clip } from "./text";

/**
 * incorporateFeedback, offline: review feedback at the preview and review checkpoints applied as edits to the
 * skill — add a section (with a marked place to fill: the offline engine has no expertise to put there), remove,
 * rename, replace text. A request that maps to no edit is kept in the reviewer's own words in the request section,
 * never turned into a heading.
 */
export interface Revision {
  content: string;
  changes: string[];
  rejected: string[];
}

/** Inserts a section before the scaffold's closing sections (Example, Pitfalls), or at the end. */
function insertSection(body: string, sectionText: string, before: string[]): string {
  const sections = sectionsOf(body);
  const at = sections.findIndex((s) => before.some((heading) => s.heading === `## ${heading}`));
  const section = { heading: sectionText.split("\n")[0] ?? "", text: sectionText };
  if (at < 0) sections.push(section);
  else sections.splice(at, 0, section);
  return joinSections(sections);
}

type Edit = (content: string, match: RegExpExecArray) => string | undefined;

const withBody = (content: string, edit: (body: string) => string | undefined): string | undefined => {
  const { head, body } = splitFrontmatter(content);
  const next = edit(body);
  return next === undefined ? undefined : `${head}${head ? "\n" : ""}${next}`;
};

const removeSection: Edit = (content, m) =>
  withBody(content, (body) => {
    const target = (m[1] ?? "").toLowerCase();
    const sections = sectionsOf(body);
    const kept = sections.filter((s) => !s.heading || !s.heading.toLowerCase().includes(target));
    return kept.length === sections.length ? undefined : joinSections(kept);
  });

const renameSection: Edit = (content, m) => {
  const from = new RegExp(`^(#{2,3})\\s+${(m[1] ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "im");
  return from.test(content) ? content.replace(from, `$1 ${titleCase(m[2] ?? "")}`) : undefined;
};

const replaceText: Edit = (content, m) =>
  m[1] && content.includes(m[1]) ? content.split(m[1]).join(m[2] ?? "") : undefined;

const addSection: Edit = (content, m) =>
  withBody(content, (body) => {
    const strings = SCAFFOLD_STRINGS[scaffoldLanguage(body)];
    const subject = clip((m[1] ?? "").replace(/[.!]+$/, ""), 60);
    const text = `## ${titleCase(subject)}\n\n${strings.fill.section(subject.toLowerCase())}`;
    return insertSection(body, text, [strings.example, strings.pitfalls]);
  });

const EDITS: [RegExp, Edit, string][] = [
  [
    /^(?:please\s+)?(?:remove|drop|delete)\s+(?:the\s+)?(?:section\s+)?["'“]?(.+?)["'”]?(?:\s+section)?[.!]?$/i,
    removeSection,
    "Removed section",
  ],
  [
    /^(?:please\s+)?(?:rename|retitle)\s+(?:the\s+)?(?:section\s+)?["'“]?(.+?)["'”]?\s+to\s+["'“]?(.+?)["'”]?[.!]?$/i,
    renameSection,
    "Renamed section",
  ],
  [/replace\s+["'“](.+?)["'”]\s+with\s+["'“](.*?)["'”]/i, replaceText, "Replaced text"],
  [
    /^(?:please\s+)?(?:add|include|cover|mention)\s+(?:a\s+|an\s+|more\s+)?(?:new\s+)?(?:section\s+|part\s+|example\s+|examples\s+|details?\s+)?(?:about|on|for|of)?\s*(.+)$/i,
    addSection,
    "Added section",
  ],
];

/** Requests that map to no edit, added in the reviewer's words under the request section. */
function keepNotes(content: string, notes: string[]): string {
  const { head, body } = splitFrontmatter(content);
  const strings = SCAFFOLD_STRINGS[scaffoldLanguage(body)];
  const block = `${strings.review}:\n\n${bullets(notes.map((note) => clip(note, 300)))}`;
  const sections = sectionsOf(body);
  const request = sections.find((s) => s.heading === `## ${strings.request}`);
  if (request) request.text = `${request.text.trimEnd()}\n\n${block}\n`;
  else sections.splice(1, 0, { heading: "", text: `${block}\n` });
  return `${head}${head ? "\n" : ""}${joinSections(sections)}`;
}

export function applyFeedback(content: string, feedback: string): Revision {
  const changes: string[] = [];
  const rejected: string[] = [];
  const notes: string[] = [];
  let current = content;
  for (const request of changeRequests(feedback)) {
    const edit = EDITS.map(([pattern, fn, label]) => ({ match: pattern.exec(request), fn, label })).find(
      (e) => e.match,
    );
    const next = edit?.match ? edit.fn(current, edit.match) : undefined;
    if (next !== undefined && edit) {
      current = next;
      changes.push(`${edit.label}: ${clip(request, 80)}`);
    } else if (edit) rejected.push(`${clip(request, 80)} (nothing in the skill matched)`);
    else notes.push(request);
  }
  if (notes.length) {
    current = keepNotes(current, notes);
    changes.push(`Kept your notes in the request section: ${clip(notes.join(" "), 80)}`);
  }
  return { content: current, changes, rejected };
}

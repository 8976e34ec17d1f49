import { templateFor } from "../templates";
import type { Plan } from "../steps/schemas";
import { contentContext } from "./content-context";
import { starterExample } from "./content-examples";
import { writeSection } from "./content-sections";
import { bullets, frontmatter, joinSections, sectionsOf, splitFrontmatter, titleCase } from "./markdown";
import { clip } from "./text";

/**
 * Offline revisions: deterministic fixes for what the feedback of a refinement names (missing frontmatter,
 * missing sections, too few examples), and review feedback applied as edits (add, remove, rename, replace).
 */
export interface Revision {
  content: string;
  changes: string[];
  rejected: string[];
}

function understandingFromPlan(plan: Plan) {
  return {
    taskDescription: plan.description,
    domain: "technical" as const,
    targetLevel: "intermediate" as const,
    topics: plan.tags.map((t) => t.replace(/-/g, " ")),
    constraints: [],
  };
}

/** Inserts a section before "## Success Criteria" (or at the end). */
function insertSection(body: string, sectionText: string): string {
  const sections = sectionsOf(body);
  const at = sections.findIndex((s) => s.heading === "## Success Criteria");
  const section = { heading: sectionText.split("\n")[0] ?? "", text: sectionText };
  if (at < 0) sections.push(section);
  else sections.splice(at, 0, section);
  return joinSections(sections);
}

const hasHeading = (body: string, heading: string): boolean =>
  body.split("\n").some((l) => l.trim().toLowerCase().startsWith(heading.toLowerCase()));

/** Fixes the structural gaps the refinement feedback is about, in the plan's terms. */
export function repairContent(content: string, plan: Plan): Revision {
  const ctx = contentContext(plan, understandingFromPlan(plan));
  const changes: string[] = [];
  let { head, body } = splitFrontmatter(content);
  if (!head) {
    head = frontmatter(plan.name, plan.description, plan.metadata);
    changes.push("Added YAML frontmatter");
  }
  const wanted = ["## When to Use", ...templateFor(plan.skillCategory).requiredSections, "## Examples"];
  for (const heading of wanted.filter((h) => !hasHeading(body, h))) {
    body = insertSection(
      body,
      heading === "## When to Use"
        ? `## When to Use\n\nUse when the user:\n\n${bullets(plan.triggerPhrases.slice(0, 5))}`
        : writeSection(heading, ctx),
    );
    changes.push(`Added the ${heading.slice(3)} section`);
  }
  if ((body.match(/^`{3,}/gm) ?? []).length < 4) {
    body = insertSection(body, `## More Examples\n\n${starterExample(ctx)}`);
    changes.push("Added a practical code example");
  }
  return { content: `${head}\n${body.replace(/^\n+/, "")}`, changes, rejected: [] };
}

/** Bullet lines of the feedback, or the whole feedback (reference §2.2 "change_requests"). */
export function changeRequests(feedback: string): string[] {
  const bulletsFound = feedback
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^[-*]\s+/.test(l))
    .map((l) => l.replace(/^[-*]\s+/, ""));
  return bulletsFound.length
    ? bulletsFound
    : feedback
        .split(/(?<=[.!?])\s+|\n+/)
        .map((s) => s.trim())
        .filter(Boolean);
}

type Edit = (content: string, match: RegExpExecArray) => string | undefined;

const removeSection: Edit = (content, m) => {
  const target = (m[1] ?? "").toLowerCase();
  const { head, body } = splitFrontmatter(content);
  const sections = sectionsOf(body);
  const kept = sections.filter((s) => !s.heading || !s.heading.toLowerCase().includes(target));
  return kept.length === sections.length ? undefined : `${head}${head ? "\n" : ""}${joinSections(kept)}`;
};

const renameSection: Edit = (content, m) => {
  const from = new RegExp(`^(#{2,3})\\s+${(m[1] ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "im");
  return from.test(content) ? content.replace(from, `$1 ${titleCase(m[2] ?? "")}`) : undefined;
};

const replaceText: Edit = (content, m) =>
  m[1] && content.includes(m[1]) ? content.split(m[1]).join(m[2] ?? "") : undefined;

const addSection: Edit = (content, m) => {
  const subject = clip((m[1] ?? "").replace(/[.!]+$/, ""), 60);
  const { head, body } = splitFrontmatter(content);
  const text = `## ${titleCase(subject)}\n\n${bullets([`What to do about ${subject}, step by step.`, `Check the result for ${subject} before moving on.`])}`;
  return `${head}${head ? "\n" : ""}${insertSection(body, text)}`;
};

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
    /^(?:please\s+)?(?:add|include|cover|mention)\s+(?:a\s+|an\s+|more\s+)?(?:section\s+|example\s+|examples\s+|details?\s+)?(?:about|on|for|of)?\s*(.+)$/i,
    addSection,
    "Added section",
  ],
];

/** incorporateFeedback, offline: each change request becomes an edit; requests it cannot map become guidance. */
export function applyFeedback(content: string, feedback: string): Revision {
  const changes: string[] = [];
  const rejected: string[] = [];
  let current = content;
  const guidance: string[] = [];
  for (const request of changeRequests(feedback)) {
    const edit = EDITS.map(([pattern, fn, label]) => ({ match: pattern.exec(request), fn, label })).find(
      (e) => e.match,
    );
    const next = edit?.match ? edit.fn(current, edit.match) : undefined;
    if (next !== undefined && edit) {
      current = next;
      changes.push(`${edit.label}: ${clip(request, 80)}`);
    } else if (edit) rejected.push(`${clip(request, 80)} (nothing in the skill matched)`);
    else guidance.push(request);
  }
  if (guidance.length) {
    const { head, body } = splitFrontmatter(current);
    current = `${head}${head ? "\n" : ""}${insertSection(body, `## Reviewer Guidance\n\n${bullets(guidance)}`)}`;
    changes.push(`Added reviewer guidance: ${clip(guidance.join(" "), 80)}`);
  }
  return { content: current, changes, rejected };
}

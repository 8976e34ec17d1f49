import { kebab } from "./naming";
import { capitalise, clip } from "./text";

/**
 * Review feedback read as instructions (confirm and preview checkpoints): each request becomes a change — a new
 * place in the taxonomy, a name, a section to add or drop, a length or audience — and only what matches none of
 * them is kept, as the reviewer's own words in a notes list. Feedback is never pasted in as headings.
 */

/** Bullet lines of the feedback, or its sentences. */
export function changeRequests(feedback: string): string[] {
  const bulletsFound = feedback
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^[-*]\s+/.test(l))
    .map((l) => l.replace(/^[-*]\s+/, ""));
  if (bulletsFound.length) return bulletsFound;
  return feedback
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface FeedbackChanges {
  category?: string;
  name?: string;
  addSections: string[];
  removeSections: string[];
  length?: "short" | "long";
  level?: "beginner" | "advanced";
  notes: string[];
}

const CATEGORY =
  /\b(?:put|move|place|file|store|keep|save)\s+(?:it|this|the skill)?\s*(?:under|in|into|to|below)\s+(?:the\s+)?[`"']?([a-z0-9][\w-]{0,40})\/?[`"']?(?:\s+(?:category|folder|directory|section))?/i;
const NAME = /\b(?:call it|rename (?:it |the skill )?to|name it|named)\s+["'`]?([\w -]{3,60})/i;
const ADD =
  /^(?:please\s+)?(?:add|include|write|insert)\s+(?:a\s+|an\s+|one\s+)?(?:new\s+|short\s+)?(?:section|part|chapter|paragraph)\s+(?:on|about|for|covering|of|called|named)\s+["'“]?(.+?)["'”]?[.!]?$/i;
const REMOVE = /^(?:please\s+)?(?:remove|drop|delete|skip)\s+(?:the\s+)?["'“]?(.+?)["'”]?(?:\s+section)?[.!]?$/i;

/** The name a request asks for, cut where the sentence goes on ("call it x and keep it short"). */
function requestedName(request: string): string | undefined {
  const words = NAME.exec(request)?.[1]?.split(/\s+(?:and|but|with|so|then|please|instead|because)\b/i)[0] ?? "";
  const name = words ? kebab(words, 6) : "";
  return name || undefined;
}

/** Length and audience: adjustments a request may carry besides (or without) a structural change. */
function applyTone(changes: FeedbackChanges, request: string): void {
  if (/\b(?:shorter|more concise|less detail|too long)\b/i.test(request)) changes.length = "short";
  if (/\b(?:longer|more detail(?:ed)?|in-depth|expand)\b/i.test(request)) changes.length = "long";
  if (/\bfor (?:beginners|newcomers|juniors)\b/i.test(request)) changes.level = "beginner";
  if (/\bfor (?:experts|seniors|advanced users)\b/i.test(request)) changes.level = "advanced";
}

/** A new place or name for the skill; true when the request asked for one. */
function applyPlace(changes: FeedbackChanges, request: string): boolean {
  const category = CATEGORY.exec(request)?.[1];
  const name = requestedName(request);
  if (category) changes.category = kebab(category, 3) || changes.category;
  if (name) changes.name = name;
  return Boolean(category || name);
}

/** A section to add or drop; true when the request asked for one. */
function applySections(changes: FeedbackChanges, request: string): boolean {
  const added = ADD.exec(request)?.[1];
  if (added) {
    changes.addSections.push(capitalise(clip(added.trim(), 60)));
    return true;
  }
  const removed = REMOVE.exec(request)?.[1];
  if (removed) changes.removeSections.push(removed.trim().toLowerCase());
  return Boolean(removed);
}

function applyRequest(changes: FeedbackChanges, request: string): void {
  applyTone(changes, request);
  const placed = applyPlace(changes, request);
  const sectioned = applySections(changes, request);
  if (!placed && !sectioned) changes.notes.push(clip(request, 300));
}

export function readFeedback(feedback: string): FeedbackChanges {
  const changes: FeedbackChanges = { addSections: [], removeSections: [], notes: [] };
  for (const request of changeRequests(feedback)) applyRequest(changes, request);
  return changes;
}

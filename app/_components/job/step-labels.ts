/**
 * Step keys (`<phase>#<round>/<step>[@<n>]`, docs/workflow.md) in words a user reads. The key itself stays in the
 * tooltip and the timeline's details; unknown steps (another workflow's) read as their humanised name.
 */
const STEP_WORDS: Record<string, string> = {
  library: "Reading the skill library",
  requirements: "Gathering the requirements",
  intent: "Analysing the intent",
  taxonomy: "Choosing where it goes in the library",
  dependencies: "Analysing dependencies",
  "dependencies-refined": "Analysing dependencies again",
  questions: "Writing clarifying questions",
  structure: "Checking the name and description",
  plan: "Planning the skill",
  content: "Writing the content",
  refine: "Refining the content",
  feedback: "Applying your feedback",
  "test-cases": "Writing test queries",
  rules: "Checking the rules",
  compliance: "Checking against the specification",
  quality: "Assessing the quality",
  write: "Writing the draft",
};

function humanise(name: string): string {
  const words = name.replace(/[-_]/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "plan@2" → ["Planning the skill", "version 2"]; a first try needs no note. */
function segmentWords(segment: string): [string, string | null] {
  const [name = segment, count] = segment.split("@");
  const label = STEP_WORDS[name] ?? humanise(name);
  if (!count || count === "1") return [label, null];
  return [label, name === "plan" ? `version ${count}` : `attempt ${count}`];
}

/**
 * "understanding#2/structure@3" → "Checking the name and description (attempt 3, round 2)";
 * "validation#1/rescore@1/quality" → "Assessing the quality (re-check 1)".
 */
export function stepLabel(key: string): string {
  const [head = key, ...segments] = key.split("/");
  const round = Number(/#(\d+)$/.exec(head)?.[1] ?? 1);
  const [label, note] = segmentWords(segments.at(-1) ?? head);
  const notes = [note];
  const group = segments.length > 1 ? segments[0] : undefined;
  if (group) notes.unshift(group.startsWith("rescore@") ? `re-check ${group.split("@")[1]}` : humanise(group));
  if (round > 1) notes.push(`round ${round}`);
  const shown = notes.filter((n): n is string => Boolean(n));
  return shown.length ? `${label} (${shown.join(", ")})` : label;
}

/** The label inside a sentence: "while writing the content". */
export function stepPhrase(key: string): string {
  const label = stepLabel(key);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

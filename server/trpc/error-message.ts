import type { ZodError } from "zod";

/**
 * Input problems as one readable sentence naming each field ("task must be at least 10 characters; requestId
 * contains a NUL byte."), instead of the serialised issue array zod puts in its own message. The structured
 * form stays available to clients in `data.zodError` (the UI and the CLI map it to their fields).
 */
const MAX_LISTED = 3;

function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === "number" ? `[${part}]` : String(part)))
    .join(".")
    .replace(/\.\[/g, "[");
}

type Issue = ZodError["issues"][number];

/**
 * A union ("content, files or zipBase64") fails in every branch; the branch with the fewest problems is the one
 * the caller meant, so its problems are the ones worth reporting.
 */
function closestBranch(issue: Issue): Issue[] | null {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return null;
  const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
  return best.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
}

function flatIssues(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    const branch = closestBranch(issue);
    return branch ? flatIssues(branch) : [issue];
  });
}

function describeIssue(issue: Issue): string {
  const field = fieldName(issue.path);
  if (!field) return issue.message;
  // Messages written for a field already start with its name ("task must be…"); zod's own do not.
  const last = String(issue.path.at(-1));
  if (issue.message.startsWith(`${last} `)) return issue.message;
  return `${field}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
}

export function zodErrorSentence(error: ZodError): string {
  const parts = [...new Set(flatIssues(error.issues).map(describeIssue))];
  const listed = parts.slice(0, MAX_LISTED).join("; ");
  const more = parts.length > MAX_LISTED ? ` (and ${parts.length - MAX_LISTED} more problems)` : "";
  // Field names stay as written (they are identifiers), so a sentence may start with one.
  const sentence = `${listed || "The input is invalid"}${more}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

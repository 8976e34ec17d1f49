import type { RuleHit, ScanView, SecurityRule } from "../types";

/** Over-reach: a description that claims every request, tool grants the stated purpose does not need. */

const EVERY_REQUEST =
  /(\b(every|all|any|each)\s+(single\s+)?(requests?|tasks?|messages?|prompts?|conversations?|questions?|queries|interactions?|turns?|responses?|replies)\b(?!\s+(involving|related|that|about|with|where|which|in|on|for|of|mentioning|touching|using|to|from|under|inside|within))|\bregardless of (the )?(topic|request|task|what the user)|\bbefore (any|every) (other )?(skill|tool|response|reply|answer)|\balways (use|invoke|load|activate|apply) (this|me)\b)/i;

function descriptionHit(view: ScanView): RuleHit[] {
  const match = EVERY_REQUEST.exec(view.description);
  if (!match) return [];
  return [
    {
      severity: "high",
      message: "The description claims every request, so the skill is loaded whatever the user asks (trigger hijack)",
      file: "SKILL.md",
      line: null,
      evidence: match[0],
    },
  ];
}

const UNRESTRICTED = /(\bBash\b(?!\()|Bash\(\s*\*\s*(:\s*\*)?\s*\)|\bShell\b(?!\()|\bWebFetch\b(?!\()|\bcomputer\b)/;

/** A skill that bundles no script and shows no command has no use for an unrestricted shell or the network. */
function usesCommands(view: ScanView): boolean {
  if (view.files.some((file) => file.kind === "script")) return true;
  return view.files.some((file) =>
    file.lines.some((line) => line.zone === "code" && /^\s*(\$\s)?[a-z][\w.-]*\s+\S/.test(line.text)),
  );
}

function toolsHit(view: ScanView): RuleHit[] {
  const match = UNRESTRICTED.exec(view.allowedTools);
  if (!match) return [];
  const justified = usesCommands(view);
  return [
    {
      severity: justified ? "low" : "medium",
      message: justified
        ? "allowed-tools grants an unrestricted shell or network tool; narrow it to the commands the skill runs"
        : "allowed-tools grants an unrestricted shell or network tool, yet the skill runs no command",
      file: "SKILL.md",
      line: null,
      evidence: `allowed-tools: ${view.allowedTools}`,
    },
  ];
}

export const overReachRules: readonly SecurityRule[] = [
  { id: "SEC-OVR-001", family: "over-reach", check: descriptionHit },
  { id: "SEC-OVR-002", family: "over-reach", check: toolsHit },
];

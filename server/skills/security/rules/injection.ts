import type { SecuritySeverity } from "../../../../contracts/security-report";
import { blockOf, cap, defensiveLine, raise } from "../context";
import { RISKY_ACTION } from "../patterns";
import type { SecurityRule } from "../types";
import { defaultAdjust, type LineContext, lineRule } from "./line-rule";

/** Instruction override, role impersonation, hidden instructions, remote instruction channels, concealment. */

const FAMILY = "prompt-injection";

const OVERRIDE =
  /(\b(ignore|disregard|override|bypass)\s+(the\s+|any\s+|all\s+)?(instructions?\s+in\s+|rules?\s+in\s+)?(CLAUDE\.md|AGENTS\.md|GEMINI\.md|\.cursorrules|system prompt|safety (rules|guidelines|policies))|\b(ignore|disregard|override)\s+(the\s+)?user'?s?\s+(request|instructions?|wishes|question|messages?)\b|\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(previous|prior|above|earlier|all|any|your|system|safety|other)\b.{0,30}\b(instructions?|prompts?|rules?|guidelines?|directions?|guardrails?|policies|constraints)\b|\b(takes?|take|have|has) (precedence|priority) over\b.{0,80}\b(user|this file|system|instructions?|CLAUDE\.md|AGENTS\.md|safety|request)|\b(overrides?|supersedes?)\b.{0,40}\b(CLAUDE\.md|AGENTS\.md|the user|system prompt|safety|your instructions))/i;

/** A fake authority header is written in capitals ("SYSTEM:", "[ADMIN]"); `system:` in an API example is a field. */
const ROLE_HEADER =
  /^\s*[>*_#[(-]*\s*(SYSTEM|ADMIN(ISTRATOR)?|DEVELOPER|OPERATOR|ANTHROPIC|OPENAI|ROOT)(\s+(MESSAGE|NOTE|OVERRIDE|PROMPT|INSTRUCTIONS?|NOTICE|UPDATE))?\s*[:\]]/;

const ROLE =
  /(<\/?\s*(system|system-prompt|im_start|im_end)\s*>|\byou are now\b(?! (ready|able|in|on|done|set))|\b(developer|DAN|god|jailbreak|unrestricted) mode\b|\b(the )?(owner|administrator|operator|maintainer)s? (has|have) (pre-?)?(authori[sz]ed|approved)\b|\bsystem (override|message|notice)\s*:)/i;

/** Hidden text matters when it addresses the agent and tells it to do something. */
const ADDRESSED = /\b(AI|assistant|agents?|LLM|models?|claude|copilot|cursor|you|your)\b/i;
const IMPERATIVE =
  /\b(must|should|always|never|ignore|disregard|send|post|upload|run|execute|read|include|add|tell|do not|don't|instead|before responding|when you)\b/i;
const STRONG =
  /\b(ignore (all|previous|prior)|disregard|secretly|silently|do not (tell|mention|show)|don't (tell|mention))\b/i;

const REMOTE_CHANNEL =
  /(\b(fetch|download|retrieve|load|read|curl|WebFetch|get)\b.{0,120}\b(https?:\/\/\S+|url|endpoint)\b.{0,160}\b(follow|obey|execute|apply|carry out|do what|run)\b.{0,40}\b(instructions?|commands?|whatever|everything|it says|steps)\b|\b(follow|obey|execute|carry out|apply)\b.{0,20}\b(every|all|any|each|the)\s+(instructions?|commands?|directives?)\s+(in it|it contains|from it|returned|fetched|you (fetch|download|receive)|in the (response|fetched|downloaded|remote)))/i;

const CONCEAL =
  /(\b(the user|they|users) (doesn't|does not|don't|do not) need to (know|see|be told)\b|\b(do not|don't|never|without|no need to)\s+(tell|telling|inform|informing|notify|notifying|alert|alerting|warn|warning|disclose|disclosing)\s+(the\s+)?(user|human|users|anyone|owner|team)\b|\b(do not|don't|never|not|without|no need to)\s+(mention|mentioning|report|reporting|show|showing|reveal|revealing|display|displaying)\b.{0,40}\bto (the\s+)?(user|human|anyone)\b|\b(do not|don't|never|not|without)\s+(mention|mentioning)\s+(it|this|that|them)\b|\b(should|must|need) not be (shown|mentioned|visible|disclosed|reported) to the user|does not need to be (mentioned|shown|disclosed|told)|\b(silently|secretly|quietly|covertly)\s+(send|post|upload|run|execute|install|add|copy|modify|change|write|delete|push|forward|include|enable|set|read|collect)\b|\b(do it|run it|this step) (silently|secretly)\b|\bhide (the|this|its|it|any)\b.{0,20}\b(output|from the user)|\b(lie|pretend)\b.{0,40}\b(user|about)|\bkeep (it|this|them) (hidden|secret) from)/i;

const SKIP_CONFIRM =
  /(\bwithout (asking|prompting|confirming|confirmation|approval|review|prompts|waiting)\b(?!\s+(the user\s+)?for (their|the|a) (password|secret|key|token|credentials))|\b(no need to|don't|do not|never|skip(ping)?)\s+(ask|prompt|check with|wait for)\s+(the user\s+)?(for\s+)?(confirmation|permission|approval|first|before)|\bskip(ping)? (the )?(confirmation|approval|review)\b|\brun (commands|them|it) directly\b|\b(never|no longer|don't|do not|won't)\s+(have|need)\s+to\s+(ask|check with|confirm with|prompt)\s+(the user|them|anyone)\b)/i;

function hiddenAdjust(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null {
  const text = ctx.line.text;
  if (!STRONG.test(text) && !(ADDRESSED.test(text) && IMPERATIVE.test(text))) return null;
  return STRONG.test(text) || RISKY_ACTION.test(text) ? "critical" : severity;
}

/** Hiding an action or skipping a confirmation matters in proportion to what is hidden or done unasked. */
function withRiskyAction(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null {
  if (/\b(never|don't|do not|must not)\b.{0,60}\bwithout\b/i.test(ctx.line.text)) return null;
  if (
    ctx.line.zone !== "comment" &&
    defensiveLine(ctx.view, ctx.line, ctx.match.index) &&
    !/\bwithout\b/i.test(ctx.match[0])
  )
    return null;
  // "proceed without asking for reversible actions" scopes the autonomy to what cannot hurt.
  if (/\b(reversible|read-only|non-destructive|safe to (re)?run)\b/i.test(ctx.line.text)) return severity;
  // "proceed without asking only when the prompt names the file" is an exception to a confirmation rule.
  if (/\b(only (when|if)|unless|until the user confirms)\b/i.test(ctx.line.text)) return severity;
  const block = blockOf(ctx.file, ctx.line).map((line) => line.text);
  const risky = RISKY_ACTION.test(ctx.line.text) || block.some((text) => RISKY_ACTION.test(text));
  const base = risky ? raise(severity, "high") : severity;
  return ctx.line.zone === "comment" ? raise(base, "critical") : base;
}

export const injectionRules: readonly SecurityRule[] = [
  lineRule({
    id: "SEC-INJ-001",
    family: FAMILY,
    pattern: OVERRIDE,
    severity: "high",
    message: "Tells the agent to override its instructions, the user or its safety rules",
  }),
  lineRule({
    id: "SEC-INJ-002",
    family: FAMILY,
    pattern: ROLE_HEADER,
    severity: "high",
    message: "Impersonates a system, developer or owner voice to gain authority over the agent",
    adjust: (ctx, severity) => (ctx.line.zone === "code" ? cap(severity, "low") : defaultAdjust(ctx, severity)),
  }),
  lineRule({
    id: "SEC-INJ-002",
    family: FAMILY,
    pattern: ROLE,
    severity: "high",
    message: "Impersonates a system, developer or owner voice to gain authority over the agent",
    adjust: (ctx, severity) => (ctx.line.zone === "code" ? cap(severity, "low") : defaultAdjust(ctx, severity)),
  }),
  lineRule({
    id: "SEC-INJ-003",
    family: FAMILY,
    pattern: /\S/,
    zones: ["comment"],
    severity: "high",
    message:
      "Instructions addressed to the agent in text the rendered page does not show (HTML comment, hidden element)",
    adjust: hiddenAdjust,
  }),
  lineRule({
    id: "SEC-INJ-004",
    family: FAMILY,
    pattern: REMOTE_CHANNEL,
    severity: "high",
    message: "Turns fetched remote content into instructions the agent must follow (a remote control channel)",
  }),
  lineRule({
    id: "SEC-HIDE-001",
    family: "concealment",
    pattern: CONCEAL,
    severity: "medium",
    message: "Tells the agent to hide what it does from the user",
    adjust: withRiskyAction,
  }),
  lineRule({
    id: "SEC-HIDE-002",
    family: "concealment",
    pattern: SKIP_CONFIRM,
    severity: "medium",
    message: "Tells the agent to act without the user's confirmation",
    adjust: withRiskyAction,
  }),
];

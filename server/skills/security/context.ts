import type { SecuritySeverity } from "../../../contracts/security-report";
import type { RuleHit, ScanFileView, ScanLine, ScanView } from "./types";

/**
 * Context that changes what a match means: a line that forbids or describes an action is not an instruction to
 * do it; a confirmation step next to a risky command makes it a choice the user makes; a skill about detecting
 * attacks quotes them as its subject. These helpers are the reason a word match alone never decides a finding.
 */

const ORDER: SecuritySeverity[] = ["info", "low", "medium", "high", "critical"];

export function cap(severity: SecuritySeverity, max: SecuritySeverity): SecuritySeverity {
  return ORDER.indexOf(severity) > ORDER.indexOf(max) ? max : severity;
}

export function raise(severity: SecuritySeverity, min: SecuritySeverity): SecuritySeverity {
  return ORDER.indexOf(severity) < ORDER.indexOf(min) ? min : severity;
}

/** Words that forbid the action that follows them in the same sentence ("never pipe curl to sh"). */
const PROHIBIT =
  /\b(never|don't|do not|must not|mustn't|should not|shouldn't|avoid|refuse|reject|forbid|forbidden|block|deny|denies|disallow|prohibit|not allowed|instead of|rather than|stop)\b/i;

/** Words that describe an action as something to catch, wherever they sit on the line. */
const DESCRIBE =
  /\b(red flags?|warning signs?|dangerous|malicious|suspicious|attackers?|attacks?|exploits?|detect|detects|detection|indicators?|iocs?|alert on|sigma|falco|yara|phishing|example of an? (attack|injection|payload)|prompt injection|looks like|e\.g\.|for example, an? (attacker|malicious))\b/i;

/**
 * What a reviewer is told to find ("flag `curl … | sh`", "look for `eval(atob(…))`"): the quoted command is the skill's
 * subject. Only a match inside the quotes counts, so "flag the session: curl -d @~/.aws/credentials …" stays an order.
 */
const FIND = /\b(flag|flags|flagged|watch (out )?for|look (out )?for|check for|scan for|search for|grep for|spot)\b/i;

/** The match at `index` sits inside an inline code span (an odd number of backticks before it). */
function quotedAt(text: string, index: number): boolean {
  return (text.slice(0, index).match(/`/g) ?? []).length % 2 === 1;
}

/** Section headings under which commands are examples of what to catch, not steps to run. */
const DEFENSIVE_SECTION =
  /\b(red flags?|detect|detection|indicators?|iocs?|signatures?|what to look for|attack|attacks|threats?|anti-?patterns?|don'?t|never|avoid|dangerous|malicious|suspicious|warning signs?|hunting|examples? of (bad|malicious))/i;

/** A prohibition in the same sentence, before `index` (the start of the match). */
function prohibitedBefore(text: string, index: number): boolean {
  const sentence =
    text
      .slice(0, index)
      .split(/[.!?;](\s|$)|\|/)
      .pop() ?? "";
  return PROHIBIT.test(sentence.slice(-100));
}

/** The line forbids (before the match) or describes the action instead of asking for it. */
export function negated(line: ScanLine, index = line.text.length): boolean {
  const found = FIND.test(line.text) && quotedAt(line.text, index);
  return prohibitedBefore(line.text, index) || DESCRIBE.test(line.text) || found;
}

/** The line forbids, warns about or quotes the action (in its words, its section, or a defensive skill's code). */
export function defensiveLine(view: ScanView, line: ScanLine, index?: number): boolean {
  if (negated(line, index)) return true;
  if (line.zone !== "comment" && DEFENSIVE_SECTION.test(line.section)) return true;
  return view.defensive && line.zone === "code" && !isScript(view, line.file);
}

export function isScript(view: ScanView, path: string): boolean {
  return view.files.find((file) => file.path === path)?.kind === "script";
}

/** Lines within `radius` of `line` in the same file. */
export function around(file: ScanFileView, line: ScanLine, radius: number): ScanLine[] {
  return file.lines.slice(Math.max(0, line.number - 1 - radius), line.number + radius);
}

/** The lines of the same block (paragraph, fenced code block, hidden comment, or whole script). */
export function blockOf(file: ScanFileView, line: ScanLine): ScanLine[] {
  return file.lines.filter((other) => other.block === line.block && other.zone === line.zone);
}

const CONFIRM =
  /\b(confirm|confirmation|ask before|asks? (the user )?(first|before)|ask (the user|for (explicit )?(approval|permission|confirmation))|asks? first|after asking|user approves|approval|review (it|the script|the file|before)|read (it|the script) (first|before)|inspect|--dry-run|dry run|y\/n|only if the user|wait for the user|prompt(s)? the user)/i;
const SKIP_CONFIRM =
  /\b(without|no need to|skip|don't|do not|never)\s+(asking|ask|confirm|confirmation|approval|prompt)\b(?!\s+(the user\s+|them\s+)?(for|to (paste|type|share|send|reveal)))/i;

/** A confirmation or review step near the line: the user decides, the skill does not act on its own. */
export function confirmationNear(file: ScanFileView, line: ScanLine, radius = 8): boolean {
  const near = around(file, line, radius);
  if (near.some((other) => SKIP_CONFIRM.test(other.text) && !negatedSkip(other.text))) return false;
  return near.some((other) => CONFIRM.test(other.text));
}

/** "never … without asking" is itself a confirmation rule. */
function negatedSkip(text: string): boolean {
  return /\b(never|don't|do not|must not)\b.{0,60}\bwithout\b/i.test(text);
}

/** Evidence as quoted in a finding: the line an agent reads, trimmed to a readable length. */
export function evidenceOf(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 200 ? `${trimmed.slice(0, 197)}…` : trimmed;
}

export function hitAt(line: ScanLine, severity: SecuritySeverity, message: string): RuleHit {
  return { severity, message, file: line.file, line: line.number, evidence: evidenceOf(line.text) };
}

/** Every line of every text file (the frontmatter included), for rules that look at lines one by one. */
export function allLines(view: ScanView): { file: ScanFileView; line: ScanLine }[] {
  return view.files.flatMap((file) => file.lines.map((line) => ({ file, line })));
}

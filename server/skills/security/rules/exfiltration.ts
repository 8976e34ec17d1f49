import type { SecuritySeverity } from "../../../../contracts/security-report";
import { cap, defensiveLine, evidenceOf, negated } from "../context";
import {
  CONVERSATION,
  CREDENTIAL_FILE,
  DNS_EXFIL,
  ENV_DUMP,
  NETWORK_SEND,
  PASSWORD_PROMPT,
  PROSE_SEND,
} from "../patterns";
import type { RuleHit, ScanFileView, ScanLine, ScanView, SecurityRule } from "../types";
import { lineRule } from "./line-rule";

/**
 * Exfiltration as taint: a source of sensitive data (credential files, the whole environment, a typed password,
 * the agent's instructions, secret variables in a request body) and a network sink in the same script or block.
 * Reading `~/.ssh` to list keys, or posting a build artefact, is each normal alone.
 */

const FAMILY = "exfiltration";

const SECRET_VAR = /\$\{?[A-Z_]*(SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|ACCESS_KEY|PRIVATE|MFA|CREDENTIAL)[A-Z_]*\}?/;
/** Headers carry a key to the service it belongs to: authentication, not exfiltration. */
const HEADER = /(-H|--header)\s+("[^"]*"|'[^']*'|\S+)|Authorization:[^"'\n]*/g;

/** Prose secrets a skill should never collect (a named API key or token is routine and not listed). */
const USER_SECRET =
  /\b(secret access key|long-term access key|private keys?|seed phrase|recovery phrase|mnemonic|mfa code|2fa code|one-time code|passwords?|environment variables|the environment|ssh keys?|credentials? files?)\b/i;

function isSource(line: ScanLine, prose: boolean): boolean {
  if (prose && negated(line)) return false;
  const text = line.text;
  if (CREDENTIAL_FILE.test(text) || ENV_DUMP.test(text) || PASSWORD_PROMPT.test(text) || CONVERSATION.test(text))
    return true;
  if (SECRET_VAR.test(text.replace(HEADER, ""))) return true;
  return prose && USER_SECRET.test(text);
}

const URLS = /https?:\/\/[^\s"'`)]+/g;
const LOOPBACK = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)(:\d+)?(\/|$)/i;

/** Every URL on the line is this machine (a local receiver under test): nothing leaves it. */
function onlyLoopback(text: string): boolean {
  const urls = text.match(URLS) ?? [];
  return urls.length > 0 && urls.every((url) => LOOPBACK.test(url));
}

function isSink(line: ScanLine, prose: boolean): boolean {
  if (prose && negated(line)) return false;
  if (onlyLoopback(line.text)) return false;
  return NETWORK_SEND.test(line.text) || (prose && PROSE_SEND.test(line.text));
}

/** Scripts and config files are one block; markdown splits into paragraphs, code blocks and hidden comments. */
function blocksOf(file: ScanFileView): ScanLine[][] {
  if (file.kind !== "markdown") return [file.lines];
  const blocks = new Map<string, ScanLine[]>();
  for (const line of file.lines) {
    const key = `${line.zone}:${line.block}`;
    const block = blocks.get(key);
    if (block) block.push(line);
    else blocks.set(key, [line]);
  }
  return [...blocks.values()];
}

function severityOf(view: ScanView, file: ScanFileView, source: ScanLine, sink: ScanLine): SecuritySeverity {
  const base: SecuritySeverity = source === sink || sink.zone === "comment" ? "critical" : "high";
  if (file.kind === "script") return base;
  return defensiveLine(view, sink) || defensiveLine(view, source) ? cap(base, "low") : base;
}

/** The source and sink closest to each other: in a long script that is where the data actually flows. */
function closestPair(sources: ScanLine[], sinks: ScanLine[]): [ScanLine, ScanLine] | null {
  let best: [ScanLine, ScanLine] | null = null;
  for (const source of sources)
    for (const sink of sinks)
      if (!best || Math.abs(source.number - sink.number) < Math.abs(best[0].number - best[1].number))
        best = [source, sink];
  return best;
}

function taintHit(view: ScanView, file: ScanFileView, block: ScanLine[]): RuleHit | null {
  const prose = file.kind === "markdown";
  // Sinks are rare: most blocks stop here before the (larger) source patterns run.
  const sinks = block.filter((line) => isSink(line, prose));
  if (sinks.length === 0) return null;
  const pair = closestPair(
    block.filter((line) => isSource(line, prose)),
    sinks,
  );
  if (!pair) return null;
  const [source, sink] = pair;
  return {
    severity: severityOf(view, file, source, sink),
    message: `Sends sensitive data over the network: "${evidenceOf(source.text).slice(0, 80)}" (line ${source.number}) reaches this sink`,
    file: file.path,
    line: sink.number,
    evidence: evidenceOf(sink.text),
  };
}

function taint(view: ScanView): RuleHit[] {
  return view.files.flatMap((file) =>
    blocksOf(file)
      .map((block) => taintHit(view, file, block))
      .filter((hit): hit is RuleHit => hit !== null),
  );
}

const IMAGE_BEACON = /!\[[^\]]*\]\(\s*https?:\/\/[^)\s]*\?[^)\s]*(\{|\$|<|%s|\[)/;
const IMAGE_PROSE =
  /\b(image|img|markdown image|pixel)\b.{0,120}\b(append|include|add|encode|with)\b.{0,80}\b(conversation|secret|token|key|password|environment|summary of|the user'?s)/i;

/** Secrets moved into something others read: a reply, a PR, an issue, a commit, a log. */
const INTO_OUTPUT = new RegExp(
  `${CREDENTIAL_FILE.source}[^\\n]{0,120}\\b(in|into|to)\\s+(the\\s+|your\\s+|a\\s+)?(reply|response|answer|summary|comment|pull request|PR|issue|commit|message|output|report|log|gist)\\b|\\b(include|paste|copy|add|put|commit|embed|append|print)\\b[^\\n]{0,40}\\b(contents?|the text) of\\b[^\\n]{0,40}${CREDENTIAL_FILE.source}`,
  "i",
);

const SECRET_IN_CHAT =
  /\b(paste|enter|type|share|send|provide|give)\b.{0,30}\b(your|their|the user's)\b.{0,20}\b(password|seed phrase|recovery phrase|private key|secret key|secret access key|mfa code|2fa code|one-time code)\b.{0,40}\b(here|in (the )?chat|in this conversation|to me|below|in your reply)\b/i;

export const exfiltrationRules: readonly SecurityRule[] = [
  { id: "SEC-EXF-001", family: FAMILY, check: taint },
  lineRule({
    id: "SEC-EXF-002",
    family: FAMILY,
    pattern: DNS_EXFIL,
    severity: "high",
    message: "Builds a DNS name from data: the lookup itself carries the data out",
  }),
  lineRule({
    id: "SEC-EXF-003",
    family: FAMILY,
    pattern: new RegExp(`${IMAGE_BEACON.source}|${IMAGE_PROSE.source}`, "i"),
    severity: "high",
    message: "A markdown image whose URL carries data: rendering it sends the data to that server",
  }),
  lineRule({
    id: "SEC-EXF-004",
    family: FAMILY,
    pattern:
      /\bask (the user|them|for)\b.{0,40}\b(password|secret access key|secret key|access key|private key|seed phrase|recovery phrase|mfa code|2fa code|one-time code|otp|credentials)\b/i,
    severity: "high",
    message: "Asks the user to hand over a secret in the conversation (credential harvesting)",
  }),
  lineRule({
    id: "SEC-EXF-004",
    family: FAMILY,
    pattern: SECRET_IN_CHAT,
    severity: "high",
    message: "Asks the user to hand over a secret in the conversation (credential harvesting)",
  }),
  lineRule({
    id: "SEC-EXF-005",
    family: FAMILY,
    pattern: INTO_OUTPUT,
    severity: "high",
    message: "Copies a credential file into something others read (a reply, PR, issue, commit or log)",
  }),
];

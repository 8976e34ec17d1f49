import type { SecuritySeverity } from "../../../../contracts/security-report";
import { cap, confirmationNear, defensiveLine, hitAt, raise } from "../context";
import { RAW_OR_PLAIN } from "../patterns";
import type { RuleHit, ScanFileView, ScanLine, ScanView, SecurityRule } from "../types";
import { defaultAdjust, type LineContext, lineRule } from "./line-rule";

/** Remote code execution: remote content piped to a shell, downloaded and run, or decoded and evaluated. */

const FAMILY = "remote-code-execution";

const PIPE_TO_SHELL =
  /(\b(curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod|fetch)\b[^|\n]*\|\s*(sudo\s+(-\S+\s+)*)?(\w+=\S+\s+)*((ba|z|da|k|fi)?sh|python[0-9.]*|perl|ruby|node|iex|Invoke-Expression|pwsh|powershell)\b|\b(ba|z)?sh\s+(-c\s+)?["']?\$\((curl|wget)\b|\b(ba|z)?sh\s+<\(\s*(curl|wget)\b|\b(eval|source|\.)\s+["']?(<\(|\$\()\s*(curl|wget)\b|\biex\s*\(\s*(iwr|irm|New-Object\s+Net\.WebClient|Invoke-WebRequest|Invoke-RestMethod))/i;

/** An official installer run after review, over HTTPS, from a named host, is a choice the user makes. */
function pipeAdjust(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null {
  const adjusted = defaultAdjust(ctx, severity);
  if (adjusted === null || ctx.line.zone === "comment") return adjusted;
  if (RAW_OR_PLAIN.test(ctx.line.text) || /base64|\bxxd\b/i.test(ctx.line.text)) return raise(adjusted, "critical");
  return confirmationNear(ctx.file, ctx.line) ? cap(adjusted, "medium") : adjusted;
}

const DECODE_RUN =
  /(\b(base64\s+(-d|--decode|-D)|xxd\s+-r|openssl\s+(enc\s+)?-d|gunzip|rev)\b[^\n]*\|\s*(sudo\s+)?((ba|z|da)?sh|python[0-9.]*|perl|node|iex)\b|\beval\b[^\n]*\b(base64|atob|b64decode|fromhex|FromBase64String)|-EncodedCommand\b|-enc\s+[A-Za-z0-9+/=]{20,}|\[Convert\]::FromBase64String[^\n]*\|\s*iex|\b(os\.system|os\.popen|subprocess\.\w+|execSync|child_process\.exec\w*)\s*\([^)\n]*(b64decode|fromhex|decompress|atob\(|Buffer\.from\([^)]*base64)|\b(exec|eval)\s*\([^)\n]*(b64decode|base64|fromhex|decompress|marshal\.loads|codecs\.decode|atob|Buffer\.from\([^)]*base64|urlopen|requests\.get|\.read\(\)|fetch\()|new Function\([^)\n]*(atob|Buffer\.from)|vm\.runIn\w+Context\([^)\n]*(atob|Buffer\.from|fetch))/i;

/** Python/JS names assigned from fetched or decoded data, then executed. */
const TAINTED_ASSIGN =
  /^\s*(?:const|let|var)?\s*([A-Za-z_]\w*)\s*=\s*.*(urlopen|requests\.get|httpx\.get|urllib\.request|\.recv\(|b64decode|fromhex|decompress|marshal\.loads|atob\(|Buffer\.from\([^)]*base64|await fetch|\.text\(\)|\.read\(\))/;
const EXEC_CALL =
  /\b(exec|eval|compile|os\.system|subprocess\.\w+|child_process\.exec\w*|execSync|new Function|runInNewContext)\s*\(([^)\n]*)/;

function taintedNames(file: ScanFileView): Set<string> {
  const names = new Set<string>();
  for (const line of file.lines) {
    const match = TAINTED_ASSIGN.exec(line.text);
    if (match?.[1]) names.add(match[1]);
  }
  for (const line of file.lines) {
    const assign = /^\s*(?:const|let|var)?\s*([A-Za-z_]\w*)\s*=\s*(.*)$/.exec(line.text);
    if (assign?.[1] && [...names].some((name) => new RegExp(`\\b${name}\\b`).test(assign[2] ?? "")))
      names.add(assign[1]);
  }
  return names;
}

function execOfTainted(view: ScanView): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const file of view.files.filter((candidate) => candidate.kind === "script")) {
    const names = taintedNames(file);
    if (names.size === 0) continue;
    for (const line of file.lines) {
      const call = EXEC_CALL.exec(line.text);
      const args = call?.[2] ?? "";
      if (call && [...names].some((name) => new RegExp(`\\b${name}\\b`).test(args)))
        hits.push(hitAt(line, "critical", `Executes data that was fetched or decoded (${call[1]})`));
    }
  }
  return hits;
}

const DOWNLOAD_TO =
  /(\bcurl\b[^\n]*(\s-[a-zA-Z]*o|--output)\s+["']?([\w./~$-]+)|\bcurl\b[^\n|]*>\s*["']?([\w./~$-]+)|\bwget\b[^\n]*-O\s+["']?([\w./~$-]+)|-OutFile\s+["']?([\w./~$\\:-]+)|urlretrieve\([^,]+,\s*["']([\w./~-]+))/i;

function downloadedFile(line: ScanLine): string | null {
  const match = DOWNLOAD_TO.exec(line.text);
  const name = match?.slice(3).find((group) => group !== undefined) ?? null;
  return name === null || name === "/dev/null" || name === "-" ? null : (name.split(/[\\/]/).pop() ?? null);
}

function runsFile(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `(\\b(sh|bash|zsh|python[0-9.]*|node|perl|source|Start-Process|\\.)\\s+(-\\S+\\s+)*["']?[\\w./~$-]*${escaped}|chmod\\s+\\+?[0-7]*x[^\\n]*${escaped}|\\./${escaped})`,
  ).test(text);
}

/** Download then run: risky unless a review or confirmation step sits between the two. */
function downloadExecute(view: ScanView): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const file of view.files) {
    for (const line of file.lines) {
      const name = downloadedFile(line);
      if (name === null) continue;
      const later = file.lines.slice(line.number - 1, line.number + 15);
      const run = later.find((other) => runsFile(other.text, name));
      if (run) hits.push(hitAt(run, downloadSeverity(view, file, line, run), "Downloads a file and runs it"));
    }
  }
  return hits;
}

function downloadSeverity(view: ScanView, file: ScanFileView, fetched: ScanLine, run: ScanLine): SecuritySeverity {
  if (defensiveLine(view, run) || defensiveLine(view, fetched)) return "low";
  if (RAW_OR_PLAIN.test(fetched.text)) return "critical";
  const between = file.lines.slice(fetched.number, run.number);
  const reviewed = between.some((line) =>
    /\b(review|read|less|cat|inspect|sha256|checksum|verify|gpg|--dry-run|confirm)\b/i.test(line.text),
  );
  return reviewed || confirmationNear(file, run) ? "low" : "high";
}

const REVERSE_SHELL =
  /(\b(ba|z)?sh\s+-i\b[^\n]*\|\s*(nc|ncat|netcat|telnet|socat)\b|\|\s*(nc|ncat|netcat)\s[^\n|]*\|\s*(ba|z)?sh\b|\b(ba)?sh\s+-i\s+[>&]+\s*\/dev\/(tcp|udp)\/|\b(nc|ncat|netcat)\b[^\n]*\s-[a-z]*[ec]\s|\bmkfifo\b[^\n]*\b(nc|ncat|sh)\b|\bsocat\b[^\n]*\bexec:|pty\.spawn\(|os\.dup2\([^)]*fileno|\.bind\(\s*\(\s*["']0\.0\.0\.0["'][^\n]*|shell\s*=\s*True[^\n]*\.recv|Net\.Sockets\.TCPClient)/i;

function reverseAdjust(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null {
  if (ctx.file.kind === "script") return severity;
  const placeholder = /<(ip|host|port|attacker)[^>]*>/i.test(ctx.line.text);
  return ctx.view.defensive || placeholder || defensiveLine(ctx.view, ctx.line, ctx.match.index)
    ? "low"
    : cap(severity, "high");
}

export const remoteExecRules: readonly SecurityRule[] = [
  lineRule({
    id: "SEC-RCE-001",
    family: FAMILY,
    pattern: PIPE_TO_SHELL,
    severity: "high",
    message: "Pipes remote content straight into a shell or interpreter",
    adjust: pipeAdjust,
  }),
  { id: "SEC-RCE-002", family: FAMILY, check: downloadExecute },
  lineRule({
    id: "SEC-RCE-003",
    family: FAMILY,
    pattern: DECODE_RUN,
    severity: "critical",
    message: "Decodes or fetches data and executes it",
  }),
  { id: "SEC-RCE-004", family: FAMILY, check: execOfTainted },
  lineRule({
    id: "SEC-RCE-005",
    family: FAMILY,
    pattern: REVERSE_SHELL,
    severity: "critical",
    message: "Opens a remote shell (reverse or bind shell): anyone reaching the port runs commands",
    adjust: reverseAdjust,
  }),
];

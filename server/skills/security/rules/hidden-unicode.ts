import type { SecuritySeverity } from "../../../../contracts/security-report";
import { allLines } from "../context";
import type { RuleHit, ScanLine, ScanView, SecurityRule } from "../types";
import { mixedScriptWords, suspiciousInvisibles } from "../unicode";

/** Hidden Unicode: what the agent reads differs from what a reviewer sees. */

const FAMILY = "hidden-unicode";
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const TAG = /[\u{E0000}-\u{E007F}]/u;

/** The raw line with each invisible character spelled out, so the evidence shows what is hidden. */
function spelled(raw: string): string {
  const shown = raw.replace(
    /[\u200B-\u200F\u2060-\u2064\u202A-\u202E\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/gu,
    (char) => `<U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}>`,
  );
  return shown.length > 200 ? `${shown.slice(0, 197)}…` : shown.trim();
}

function hit(line: ScanLine, severity: SecuritySeverity, message: string): RuleHit {
  return { severity, message, file: line.file, line: line.number, evidence: spelled(line.raw) };
}

/** Zero-width characters inside a word split keywords so a reviewer's search and eye both miss them. */
function zeroWidth(view: ScanView): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const { line } of allLines(view)) {
    if (line.ascii) continue;
    const found = suspiciousInvisibles(line.raw);
    if (found.length === 0) continue;
    const inWord = found.some(
      (index) => /\p{L}/u.test(line.raw[index - 1] ?? "") && /\p{L}/u.test(line.raw[index + 1] ?? ""),
    );
    const severity = inWord || found.length >= 3 ? "high" : "medium";
    hits.push(hit(line, severity, `${found.length} zero-width character(s) hidden in the text`));
  }
  return hits;
}

function bidi(view: ScanView): RuleHit[] {
  return allLines(view)
    .filter(({ line }) => !line.ascii && BIDI_CONTROL.test(line.raw))
    .map(({ file, line }) =>
      hit(
        line,
        file.kind === "script" || line.zone === "code" ? "critical" : "high",
        "Bidirectional control characters reorder how the text is displayed (Trojan Source)",
      ),
    );
}

function tags(view: ScanView): RuleHit[] {
  return allLines(view)
    .filter(({ line }) => !line.ascii && TAG.test(line.raw))
    .map(({ line }) =>
      hit(
        line,
        "critical",
        `Unicode tag characters hide text only the agent reads: "${line.text.trim().slice(0, 120)}"`,
      ),
    );
}

function homoglyphs(view: ScanView): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const { line } of allLines(view)) {
    if (line.ascii) continue;
    const words = mixedScriptWords(line.text);
    if (words.length === 0) continue;
    const severity = line.zone === "prose" || line.zone === "frontmatter" ? "high" : "medium";
    hits.push(
      hit(line, severity, `Words mix Latin and look-alike letters (homoglyphs): ${words.slice(0, 3).join(", ")}`),
    );
  }
  return hits;
}

export const unicodeRules: readonly SecurityRule[] = [
  { id: "SEC-UNI-001", family: FAMILY, check: zeroWidth },
  { id: "SEC-UNI-002", family: FAMILY, check: bidi },
  { id: "SEC-UNI-003", family: FAMILY, check: tags },
  { id: "SEC-UNI-004", family: FAMILY, check: homoglyphs },
];

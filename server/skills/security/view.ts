import { isMapping, parseFrontmatterYaml, splitSkillMd } from "../skill-md";
import type { FileKind, LineZone, ScanFileView, ScanInput, ScanLine, ScanView } from "./types";
import { visibleToAgent } from "./unicode";

/** Splits each file into lines once, tagged with where they sit (prose, code, hidden comment, frontmatter). */

const SCRIPT = /\.(sh|bash|zsh|fish|py|pyw|js|cjs|mjs|ts|mts|cts|jsx|tsx|ps1|psm1|bat|cmd|rb|pl|php|lua|go|rs)$/i;
const MARKDOWN = /\.(md|mdc|mdx|markdown|txt|rst|html?)$/i;
const CONFIG =
  /(\.(json|ya?ml|toml|ini|cfg|conf|env|plist|service|timer|xml)|requirements[^/]*\.txt|\.npmrc|\.pypirc|Dockerfile|Makefile)$/i;

export function fileKind(path: string): FileKind {
  const name = path.split("/").pop() ?? path;
  if (CONFIG.test(name)) return "config";
  if (SCRIPT.test(name)) return "script";
  if (MARKDOWN.test(name)) return "markdown";
  return name.includes(".") ? "other" : "script";
}

interface MarkdownState {
  zone: LineZone;
  section: string;
  block: number;
  fence: string | null;
}

const HIDDEN_OPEN = /<!--|<(div|span|p)\b[^>]*(display:\s*none|hidden|visibility:\s*hidden|font-size:\s*0)/i;

function nextZone(state: MarkdownState, text: string): LineZone {
  const trimmed = text.trim();
  const fence = /^(```|~~~)/.exec(trimmed)?.[1] ?? null;
  if (state.fence !== null) {
    if (fence === state.fence) state.fence = null;
    return "code";
  }
  if (fence !== null) {
    state.fence = fence;
    state.block += 1;
    return "code";
  }
  if (state.zone === "comment") return "comment";
  // `<!-- … -->` inside inline code is shown to the reader, so it hides nothing.
  const hidden = HIDDEN_OPEN.test(text.replace(/`[^`]*`/g, ""));
  if (hidden) state.block += 1;
  return hidden ? "comment" : "prose";
}

/** After a line: hidden regions end at their closing tag; blank lines end paragraphs. */
function afterLine(state: MarkdownState, text: string, zone: LineZone): void {
  if (zone === "comment") state.zone = /-->|<\/(div|span|p)>/i.test(text) ? "prose" : "comment";
  if (zone === "prose" && text.trim() === "") state.block += 1;
  const heading = /^#{1,6}\s+(.*)$/.exec(text);
  if (zone === "prose" && heading) {
    state.section = heading[1] ?? "";
    state.block += 1;
  }
}

function frontmatterEnd(raws: string[]): number {
  if (raws[0]?.trim() !== "---") return 0;
  const end = raws.findIndex((line, index) => index > 0 && line.trim() === "---");
  return end < 0 ? 0 : end + 1;
}

const ASCII = /^[\t\x20-\x7e]*$/;

/** The raw line, what the agent reads of it, and whether it is plain ASCII (most lines: nothing to decode). */
function readLine(raw: string): { raw: string; text: string; ascii: boolean } {
  const ascii = ASCII.test(raw);
  return { raw, text: ascii ? raw : visibleToAgent(raw), ascii };
}

function markdownLines(path: string, raws: string[]): ScanLine[] {
  const state: MarkdownState = { zone: "prose", section: "", block: 0, fence: null };
  const front = frontmatterEnd(raws);
  return raws.map((raw, index) => {
    const read = readLine(raw);
    if (index < front) return { file: path, number: index + 1, ...read, zone: "frontmatter", section: "", block: -1 };
    const zone = nextZone(state, read.text);
    const line: ScanLine = {
      file: path,
      number: index + 1,
      ...read,
      zone,
      section: state.section,
      block: state.block,
    };
    afterLine(state, read.text, zone);
    return line;
  });
}

function codeLines(path: string, raws: string[]): ScanLine[] {
  return raws.map((raw, index) => ({
    file: path,
    number: index + 1,
    ...readLine(raw),
    zone: "code",
    section: "",
    block: 0,
  }));
}

export function viewFile(path: string, text: string): ScanFileView {
  const kind = fileKind(path);
  const raws = text.split(/\r?\n/);
  return { path, kind, lines: kind === "markdown" ? markdownLines(path, raws) : codeLines(path, raws) };
}

/** Frontmatter fields as an agent reads them (invisible characters removed). */
function frontmatterFields(skillMd: string | null): { description: string; allowedTools: string } {
  const split = skillMd === null ? null : splitSkillMd(skillMd);
  if (split?.kind !== "ok") return { description: "", allowedTools: "" };
  const yaml = parseFrontmatterYaml(split.yamlText, split.yamlFirstLine);
  const value = !yaml.error && isMapping(yaml.value) ? yaml.value : {};
  const field = (key: string) => {
    const raw = value[key];
    return visibleToAgent(Array.isArray(raw) ? raw.join(", ") : typeof raw === "string" ? raw : "");
  };
  return { description: field("description"), allowedTools: field("allowed-tools") };
}

const DEFENSIVE =
  /\b(detect|detection|audit|review|harden|hardening|scan|scanner|red[- ]team|blue[- ]team|threat|incident|forensic|redact|sanitiz|triage|vulnerab|malware|phishing|injection)/i;

/** Text files larger than this are not read (the validator's limit): the scan then says it did not analyse them. */
export const MAX_SCAN_BYTES = 2 * 1024 * 1024;

export function buildView(input: ScanInput): ScanView {
  const files: ScanFileView[] = [];
  const binaries: ScanView["binaries"] = [];
  const unread: string[] = [];
  for (const [path, file] of input.files) {
    if (file.text !== null) files.push(viewFile(path, file.text));
    else if (file.size > MAX_SCAN_BYTES && fileKind(path) !== "other") unread.push(path);
    else binaries.push({ path, size: file.size });
  }
  const fields = frontmatterFields(input.files.get("SKILL.md")?.text ?? null);
  const defensive = DEFENSIVE.test(fields.description);
  return { files, binaries, symlinks: input.symlinks ?? [], unread, ...fields, defensive, hasFolder: input.hasFolder };
}

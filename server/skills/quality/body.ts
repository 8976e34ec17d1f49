/**
 * A SKILL.md body read once into classified lines, so every quality dimension looks at the same view: prose,
 * list items and table rows are what a reader is told to do; fenced code is kept apart (it is judged as examples,
 * not as prose); headings only structure the text.
 */

export type LineKind = "blank" | "heading" | "prose" | "item" | "table" | "quote" | "fence" | "code";

export interface BodyLine {
  /** 1-based line in the SKILL.md file. */
  line: number;
  kind: LineKind;
  /** The raw line. */
  raw: string;
  /** The text without list, quote or heading markers (what a reader reads). */
  text: string;
}

export interface CodeBlock {
  /** File line of the opening fence. */
  line: number;
  language: string;
  code: string[];
}

export interface BodyView {
  lines: BodyLine[];
  blocks: CodeBlock[];
  /** Prose, list items, table rows and quotes: the instructions themselves. */
  content: BodyLine[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const HEADING = /^\s{0,3}#{1,6}\s+/;
const ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/;
const QUOTE = /^\s{0,3}>\s?/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function classify(raw: string): { kind: LineKind; text: string } {
  if (raw.trim() === "") return { kind: "blank", text: "" };
  if (HEADING.test(raw))
    return {
      kind: "heading",
      text: raw
        .replace(HEADING, "")
        .replace(/\s#+\s*$/, "")
        .trim(),
    };
  if (ITEM.test(raw)) return { kind: "item", text: raw.replace(ITEM, "").trim() };
  if (QUOTE.test(raw)) return { kind: "quote", text: raw.replace(QUOTE, "").trim() };
  if (raw.trimStart().startsWith("|")) {
    if (TABLE_SEPARATOR.test(raw)) return { kind: "blank", text: "" };
    return { kind: "table", text: raw.replace(/\|/g, " ").replace(/\s+/g, " ").trim() };
  }
  return { kind: "prose", text: raw.trim() };
}

interface OpenFence {
  marker: string;
  block: CodeBlock;
}

/** Is `raw` the closing fence of `open` (same character, at least as long, nothing after it)? */
function closes(raw: string, open: OpenFence): boolean {
  const match = FENCE.exec(raw);
  return !!match && match[1]?.[0] === open.marker[0] && (match[1]?.length ?? 0) >= open.marker.length && !match[2];
}

export function readBody(body: string, firstLine: number): BodyView {
  const lines: BodyLine[] = [];
  const blocks: CodeBlock[] = [];
  let open: OpenFence | null = null;
  body.split("\n").forEach((rawLine, index) => {
    const raw = rawLine.replace(/\r$/, "");
    const line = firstLine + index;
    if (open) {
      if (closes(raw, open)) {
        lines.push({ line, kind: "fence", raw, text: "" });
        open = null;
      } else {
        open.block.code.push(raw);
        lines.push({ line, kind: "code", raw, text: raw });
      }
      return;
    }
    const fence = FENCE.exec(raw);
    if (fence) {
      open = { marker: fence[1] ?? "```", block: { line, language: (fence[2] ?? "").toLowerCase(), code: [] } };
      blocks.push(open.block);
      lines.push({ line, kind: "fence", raw, text: "" });
      return;
    }
    lines.push({ line, ...classify(raw), raw });
  });
  const content = lines.filter((l) => ["prose", "item", "table", "quote"].includes(l.kind));
  return { lines, blocks, content };
}

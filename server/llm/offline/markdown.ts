import { stringify } from "yaml";

/** Small markdown writers shared by the offline content steps. */
export function fence(code: string, language = ""): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const marker = "`".repeat(longest + 1);
  return `${marker}${language}\n${code.trimEnd()}\n${marker}`;
}

export const bullets = (items: string[]): string => items.map((item) => `- ${item}`).join("\n");
export const numbered = (items: string[]): string => items.map((item, i) => `${i + 1}. ${item}`).join("\n");
export const checklist = (items: string[]): string => items.map((item) => `- [ ] ${item}`).join("\n");

export function table(header: string[], rows: string[][]): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [header, header.map(() => "---"), ...rows].map((row) => `| ${row.map(cell).join(" | ")} |`).join("\n");
}

/** "pull requests" → "Pull Requests" (titles keep the user's words). */
export function titleCase(text: string): string {
  return text.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, letter: string) => `${sep}${letter.toUpperCase()}`);
}

/** YAML frontmatter in the reference's key order: name, description, then metadata (strings only). */
export function frontmatter(name: string, description: string, metadata: Record<string, string>): string {
  const yaml = stringify({ name, description, metadata }, { lineWidth: 0 }).trimEnd();
  return `---\n${yaml}\n---\n`;
}

/** Splits a SKILL.md into its frontmatter block (with markers) and body. */
export function splitFrontmatter(content: string): { head: string; body: string } {
  if (!content.startsWith("---")) return { head: "", body: content };
  const end = content.indexOf("\n---", 3);
  if (end < 0) return { head: "", body: content };
  const close = content.indexOf("\n", end + 4);
  return close < 0
    ? { head: `${content}\n`, body: "" }
    : { head: content.slice(0, close + 1), body: content.slice(close + 1) };
}

export interface Section {
  heading: string;
  text: string;
}

/** The `## ` sections of a markdown body (text before the first one has an empty heading). */
export function sectionsOf(body: string): Section[] {
  const parts = body.split(/^(?=## )/m);
  return parts.map((part) => {
    const newline = part.indexOf("\n");
    const isHeading = part.startsWith("## ");
    return { heading: isHeading ? part.slice(0, newline < 0 ? undefined : newline).trim() : "", text: part };
  });
}

export function joinSections(sections: Section[]): string {
  return sections
    .map((s) => s.text.replace(/\n*$/, "\n"))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}

import path from "node:path";
import type { LibraryEntry } from "./library-scan";

/** Pure views over the library index: the taxonomy tree, search, and `<available_skills>` XML (reference §7.5). */

export interface TreeNode {
  /** The last path segment. */
  name: string;
  path: string;
  /** Set when this folder is itself a skill. */
  skill: { name: string; description: string } | null;
  children: TreeNode[];
}

function childOf(nodes: TreeNode[], name: string, nodePath: string): TreeNode {
  let node = nodes.find((candidate) => candidate.name === name);
  if (!node) {
    node = { name, path: nodePath, skill: null, children: [] };
    nodes.push(node);
  }
  return node;
}

function sortTree(nodes: TreeNode[]): TreeNode[] {
  nodes.sort((a, b) => a.name.localeCompare(b.name));
  for (const node of nodes) sortTree(node.children);
  return nodes;
}

export function buildTree(entries: LibraryEntry[]): TreeNode[] {
  const roots: TreeNode[] = [];
  for (const entry of entries) {
    const segments = entry.path.split("/");
    let level = roots;
    let node: TreeNode | null = null;
    segments.forEach((segment, index) => {
      node = childOf(level, segment, segments.slice(0, index + 1).join("/"));
      level = node.children;
    });
    if (node) (node as TreeNode).skill = { name: entry.name, description: entry.description };
  }
  return sortTree(roots);
}

/** Case-insensitive match on name, description, tags and path; name matches first. */
export function searchEntries(entries: LibraryEntry[], query: string): LibraryEntry[] {
  const q = query.trim().toLowerCase();
  if (q === "") return entries;
  const rank = (entry: LibraryEntry): number => {
    if (entry.name.toLowerCase().includes(q)) return 0;
    if (entry.tags.some((tag) => tag.toLowerCase().includes(q))) return 1;
    if (entry.description.toLowerCase().includes(q) || entry.path.toLowerCase().includes(q)) return 2;
    return 3;
  };
  return entries
    .map((entry) => ({ entry, score: rank(entry) }))
    .filter((item) => item.score < 3)
    .sort((a, b) => a.score - b.score || a.entry.path.localeCompare(b.entry.path))
    .map((item) => item.entry);
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/**
 * `<available_skills>` with one block per skill, sorted by path; location = the SKILL.md path relative to the skills
 * root (a response never reveals where the server keeps its files; docs/security.md).
 */
export function renderAvailableSkills(entries: LibraryEntry[]): string {
  const blocks = [...entries]
    .sort((a, b) => a.path.localeCompare(b.path))
    .flatMap((entry) => [
      "  <skill>",
      `    <name>${escapeXml(entry.name)}</name>`,
      `    <description>${escapeXml(entry.description)}</description>`,
      `    <location>${escapeXml(path.posix.join(entry.path, "SKILL.md"))}</location>`,
      "  </skill>",
    ]);
  return ["<available_skills>", ...blocks, "</available_skills>"].join("\n");
}

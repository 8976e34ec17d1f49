"use client";

import ReactMarkdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/**
 * Renders untrusted markdown (generated skills, user text) safely: raw HTML is never interpreted (no rehype-raw),
 * the tree is sanitised with GitHub's schema (no scripts, event handlers or javascript: URLs), and only then is
 * code highlighted, so highlighting adds nothing but class names.
 */
export function MarkdownView({ content }: { content: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize, [rehypeHighlight, { detect: false }]]}>
        {content}
      </ReactMarkdown>
    </div>
  );
}

/** Splits a SKILL.md into its YAML frontmatter text and markdown body (display only; the server parses properly). */
export function splitFrontmatter(text: string): { frontmatter: string | null; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { frontmatter: null, body: text };
  return { frontmatter: match[1] ?? "", body: text.slice(match[0].length) };
}

/** A SKILL.md: its frontmatter shown as YAML, its body rendered. */
export function SkillMdView({ content }: { content: string }) {
  const { frontmatter, body } = splitFrontmatter(content);
  return (
    <div className="stack">
      {frontmatter !== null && (
        <pre className="frontmatter" aria-label="Frontmatter"><code>{frontmatter}</code></pre>
      )}
      <MarkdownView content={body} />
    </div>
  );
}

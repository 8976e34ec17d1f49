"use client";

import type { ComponentProps } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/**
 * Renders untrusted markdown (generated skills, user text) safely: raw HTML is never interpreted (no rehype-raw),
 * the tree is sanitised with GitHub's schema (no scripts, event handlers or javascript: URLs), and only then is
 * code highlighted, so highlighting adds nothing but class names.
 */
// Code blocks scroll sideways, so they take keyboard focus; GFM task-list boxes get a name for screen readers.
const COMPONENTS: Components = {
  pre: (props: ComponentProps<"pre">) => <pre tabIndex={0} {...props} />,
  input: (props: ComponentProps<"input">) => <input {...props} aria-label={props.checked ? "Done" : "To do"} />,
};

export function MarkdownView({ content }: { content: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize, [rehypeHighlight, { detect: false }]]}
        components={COMPONENTS}
      >
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
        <pre tabIndex={0} className="frontmatter" aria-label="Frontmatter">
          <code>{frontmatter}</code>
        </pre>
      )}
      <MarkdownView content={body} />
    </div>
  );
}

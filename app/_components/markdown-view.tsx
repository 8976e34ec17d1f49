"use client";

import { useEffect, useState, type ComponentProps } from "react";
import ReactMarkdown, { type Components, type Options } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/**
 * Renders untrusted markdown (generated skills, user text) safely: raw HTML is never interpreted (no rehype-raw),
 * the tree is sanitised with GitHub's schema (no scripts, event handlers or javascript: URLs), and only then, where
 * asked for, is code highlighted, so highlighting adds nothing but class names.
 */
/**
 * A document inside the page: its headings sit two levels below the page's own (its "# Title" is an h3 under the
 * page's h1 and section h2), so the page keeps one outline; they keep their look through a class.
 */
const DEMOTED = ["h3", "h4", "h5", "h6", "h6", "h6"] as const;

function demoted(level: 1 | 2 | 3 | 4 | 5 | 6) {
  const Tag = DEMOTED[level - 1] ?? "h6";
  function Heading({ node: _node, className, ...props }: ComponentProps<"h1"> & { node?: unknown }) {
    return <Tag {...props} className={[`md-h${level}`, className].filter(Boolean).join(" ")} />;
  }
  return Heading;
}

// Code blocks scroll sideways, so they take keyboard focus; GFM task-list boxes get a name for screen readers.
const COMPONENTS: Components = {
  pre: ({ node: _node, ...props }: ComponentProps<"pre"> & { node?: unknown }) => <pre tabIndex={0} {...props} />,
  input: ({ node: _node, ...props }: ComponentProps<"input"> & { node?: unknown }) => (
    <input {...props} aria-label={props.checked ? "Done" : "To do"} />
  ),
  h1: demoted(1),
  h2: demoted(2),
  h3: demoted(3),
  h4: demoted(4),
  h5: demoted(5),
  h6: demoted(6),
};

type Plugin = NonNullable<Options["rehypePlugins"]>[number];
const HAS_CODE_BLOCK = /^\s*(```|~~~)/m;

/**
 * Syntax colours are loaded on demand (rehype-highlight carries ~40 KB of grammars): pages that want them (the
 * library) get them once a code block shows up; the job page keeps its JavaScript small and shows plain code.
 */
function useHighlighter(wanted: boolean): Plugin | null {
  const [plugin, setPlugin] = useState<Plugin | null>(null);
  useEffect(() => {
    if (!wanted || plugin) return;
    let live = true;
    void import("rehype-highlight").then(({ default: rehypeHighlight }) => {
      if (live) setPlugin((): Plugin => [rehypeHighlight, { detect: false }]);
    });
    return () => {
      live = false;
    };
  }, [wanted, plugin]);
  return plugin;
}

export function MarkdownView({ content, highlight = false }: { content: string; highlight?: boolean }) {
  const highlighter = useHighlighter(highlight && HAS_CODE_BLOCK.test(content));
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={highlighter ? [rehypeSanitize, highlighter] : [rehypeSanitize]}
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
export function SkillMdView({ content, highlight = false }: { content: string; highlight?: boolean }) {
  const { frontmatter, body } = splitFrontmatter(content);
  return (
    <div className="stack">
      {frontmatter !== null && (
        <pre tabIndex={0} className="frontmatter" aria-label="Frontmatter">
          <code>{frontmatter}</code>
        </pre>
      )}
      <MarkdownView content={body} highlight={highlight} />
    </div>
  );
}

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
// Code blocks scroll sideways, so they take keyboard focus; GFM task-list boxes get a name for screen readers.
const COMPONENTS: Components = {
  pre: (props: ComponentProps<"pre">) => <pre tabIndex={0} {...props} />,
  input: (props: ComponentProps<"input">) => <input {...props} aria-label={props.checked ? "Done" : "To do"} />,
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

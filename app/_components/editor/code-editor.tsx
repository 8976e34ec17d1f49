"use client";

import { markdown } from "@codemirror/lang-markdown";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import CodeMirror from "@uiw/react-codemirror";
import { useEffect, useMemo, useState } from "react";

/** A finding the editor marks on its line (the validator's findings carry `line`, 1-based). */
export interface LineFinding {
  line: number;
  severity: "error" | "warning" | "info";
  message: string;
}

function diagnosticsFor(view: EditorView, findings: LineFinding[]): Diagnostic[] {
  const { doc } = view.state;
  return findings
    .filter((finding) => finding.line >= 1 && finding.line <= doc.lines)
    .map((finding) => {
      const line = doc.line(finding.line);
      return { from: line.from, to: line.to, severity: finding.severity, message: finding.message };
    });
}

/**
 * Markdown highlighting in the page's own colours (CSS variables), so it keeps its contrast in light and dark mode
 * alike; CodeMirror's default style uses fixed dark colours that vanish on a dark background.
 */
const highlight = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.heading, color: "var(--fg)", fontWeight: "700" },
    { tag: [tags.emphasis], fontStyle: "italic" },
    { tag: [tags.strong], fontWeight: "700" },
    { tag: [tags.link, tags.url], color: "var(--accent)", textDecoration: "underline" },
    { tag: [tags.monospace, tags.string], color: "var(--fg)", fontFamily: "var(--mono, monospace)" },
    { tag: [tags.processingInstruction, tags.meta, tags.comment, tags.contentSeparator], color: "var(--muted)" },
    { tag: [tags.quote], color: "var(--muted)", fontStyle: "italic" },
  ]),
);

/** The editor's surface in the page's colours (background, text, gutter, cursor and selection). */
const surface = EditorView.theme({
  "&": { color: "var(--fg)", backgroundColor: "var(--bg)" },
  ".cm-content": { caretColor: "var(--fg)" },
  ".cm-gutters": { color: "var(--muted)", backgroundColor: "var(--surface, var(--bg))", border: "none" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "transparent" },
});

/**
 * CodeMirror 6 (through @uiw/react-codemirror) with markdown highlighting; the findings of the last validation are
 * shown as lint marks on their lines. Loaded only by the editor routes, so the job page never ships it.
 */
export function CodeEditor(props: {
  value: string;
  onChange: (value: string) => void;
  findings: LineFinding[];
  label: string;
}) {
  const [view, setView] = useState<EditorView | null>(null);
  // The editable area is the textbox assistive technology sees: it carries the label.
  const extensions = useMemo(
    () => [markdown(), highlight, surface, EditorView.contentAttributes.of({ "aria-label": props.label })],
    [props.label],
  );
  useEffect(() => {
    if (view) view.dispatch(setDiagnostics(view.state, diagnosticsFor(view, props.findings)));
  }, [view, props.findings]);
  return (
    <div className="editor-host" data-testid="code-editor">
      <CodeMirror
        value={props.value}
        onChange={props.onChange}
        extensions={extensions}
        onCreateEditor={setView}
        theme="none"
        basicSetup={{ lineNumbers: true, foldGutter: false, syntaxHighlighting: false, highlightActiveLine: false }}
        minHeight="24rem"
      />
    </div>
  );
}

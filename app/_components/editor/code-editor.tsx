"use client";

import { markdown } from "@codemirror/lang-markdown";
import { setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
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
    () => [markdown(), EditorView.contentAttributes.of({ "aria-label": props.label })],
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
        basicSetup={{ lineNumbers: true, foldGutter: false }}
        minHeight="24rem"
      />
    </div>
  );
}

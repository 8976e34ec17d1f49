"use client";

import { useState } from "react";
import { conflictChanges, DiffView } from "../diff-view";
import { CodeEditor } from "./code-editor";
import { FileList } from "./file-list";
import { FindingsPanel } from "./findings-panel";
import { findingsOf, useFindings } from "./use-findings";
import { toInputs, useSkillFiles, type EditorFile, type FileInput } from "./use-skill-files";

export interface SaveState {
  pending: boolean;
  error: unknown;
}

/**
 * The skill editor (docs/library.md, Editor): the files of a library skill or a job's draft, CodeMirror for the
 * text ones, findings on their lines as you type, and a save as a new version with a message. A save refused
 * because someone saved first shows what they changed.
 */
export function SkillEditor(props: {
  folder: string;
  base: string;
  initial: EditorFile[];
  onSave: (files: FileInput[], message: string) => void;
  save: SaveState;
}) {
  const editor = useSkillFiles(props.initial);
  const [selected, setSelected] = useState("SKILL.md");
  const { report, checking } = useFindings(props.folder, editor.files);
  const file = editor.files.find((candidate) => candidate.path === selected) ?? editor.files[0];
  const lineFindings = file ? findingsOf(report, props.folder, file.path).filter((f) => f.line !== undefined) : [];
  return (
    <div className="stack">
      <div className="editor-grid">
        <FileList
          files={editor.files}
          selected={file?.path ?? "SKILL.md"}
          onSelect={setSelected}
          onAdd={editor.add}
          onRename={editor.rename}
          onRemove={(path) => (editor.remove(path), setSelected("SKILL.md"))}
        />
        <div className="stack">
          {file && !file.binary && (
            <CodeEditor
              key={file.path}
              value={file.content}
              onChange={(text) => editor.setText(file.path, text)}
              findings={lineFindings.map((f) => ({ line: f.line ?? 1, severity: f.severity, message: f.message }))}
              label={`Edit ${file.path}`}
            />
          )}
          {file?.binary && (
            <p className="muted">
              {file.path} is a binary file ({file.size} bytes): it is kept as it is.
            </p>
          )}
          <FindingsPanel report={report} checking={checking} />
        </div>
      </div>
      <SaveForm
        base={props.base}
        save={props.save}
        onSave={(message) => props.onSave(toInputs(editor.files), message)}
      />
    </div>
  );
}

function SaveForm(props: { base: string; save: SaveState; onSave: (message: string) => void }) {
  const [message, setMessage] = useState("");
  const conflict = conflictChanges(props.save.error);
  const { error } = props.save;
  return (
    <form
      className="card stack"
      aria-label="Save as a new version"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(message);
      }}
    >
      <label htmlFor="save-message">Message</label>
      <input id="save-message" value={message} onChange={(e) => setMessage(e.target.value)} />
      {error !== null && error !== undefined && (
        <p className="alert alert-error" role="alert">
          {error instanceof Error ? error.message : "The save failed"}
        </p>
      )}
      {conflict && <DiffView changes={conflict} empty="" />}
      <div className="row">
        <button type="submit" className="primary" disabled={props.save.pending}>
          Save as a new version
        </button>
        <span className="hint">on {props.base}</span>
      </div>
    </form>
  );
}

"use client";

import { useState } from "react";
import { pathProblem, type EditorFile } from "./use-skill-files";

/** The files of the skill being edited: choose one, add a file, rename or delete the chosen one. */
export function FileList(props: {
  files: EditorFile[];
  selected: string;
  onSelect: (path: string) => void;
  onAdd: (path: string) => void;
  onRename: (from: string, to: string) => void;
  onRemove: (path: string) => void;
}) {
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const fixed = props.selected === "SKILL.md";
  const apply = (action: "add" | "rename") => {
    const path = name.trim();
    const issue = pathProblem(path, props.files, action === "rename" ? props.selected : undefined);
    setProblem(issue);
    if (issue) return;
    if (action === "add") props.onAdd(path);
    else props.onRename(props.selected, path);
    props.onSelect(path);
    setName("");
  };
  return (
    <nav aria-label="Skill files" className="stack">
      <ul className="file-list">
        {props.files.map((file) => (
          <li key={file.path}>
            <button
              type="button"
              className="link-button"
              aria-current={file.path === props.selected ? "true" : undefined}
              onClick={() => props.onSelect(file.path)}
            >
              {file.path}
            </button>
          </li>
        ))}
      </ul>
      <label className="hint" htmlFor="file-name">
        File path
      </label>
      <input id="file-name" value={name} placeholder="references/notes.md" onChange={(e) => setName(e.target.value)} />
      {problem && (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => apply("add")}>
          Add file
        </button>
        <button type="button" disabled={fixed} onClick={() => apply("rename")}>
          Rename
        </button>
        <button type="button" disabled={fixed} onClick={() => props.onRemove(props.selected)}>
          Delete
        </button>
      </div>
    </nav>
  );
}

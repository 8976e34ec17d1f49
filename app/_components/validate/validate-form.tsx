"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type DragEvent, type FormEvent } from "react";
import { useTRPC } from "../../_lib/trpc";
import { ValidationReportView } from "../validation-report";

type Source = { kind: "text" } | { kind: "zip"; name: string; base64: string };

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function DropZone({ onFile, source }: { onFile: (file: File) => void; source: Source }) {
  const [active, setActive] = useState(false);
  const inputId = useId();
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setActive(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={`dropzone${active ? " active" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setActive(true);
      }}
      onDragLeave={() => setActive(false)}
      onDrop={onDrop}
    >
      <p>{source.kind === "zip" ? `Zip ready: ${source.name}` : "Drop a skill folder's .zip or a SKILL.md here, or"}</p>
      <label htmlFor={inputId} className="button">
        Choose a file
      </label>
      <input
        id={inputId}
        type="file"
        accept=".zip,.md,text/markdown,application/zip"
        className="visually-hidden"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
        }}
      />
    </div>
  );
}

/** Paste a SKILL.md or drop a zip of a skill folder; the report shows every finding (no job is created). */
export function ValidateForm() {
  const trpc = useTRPC();
  const contentId = useId();
  const [content, setContent] = useState("");
  const [source, setSource] = useState<Source>({ kind: "text" });
  const [fileError, setFileError] = useState<string | null>(null);
  const validate = useMutation(trpc.skills.validate.mutationOptions());

  async function onFile(file: File) {
    setFileError(null);
    if (file.size > 8 * 1024 * 1024)
      return setFileError("That file is over 8 MB, the largest skill claude.ai accepts.");
    if (file.name.toLowerCase().endsWith(".zip"))
      return setSource({ kind: "zip", name: file.name, base64: await toBase64(file) });
    setSource({ kind: "text" });
    setContent(await file.text());
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (source.kind === "zip") validate.mutate({ zipBase64: source.base64 });
    else if (content.trim()) validate.mutate({ content });
  }

  const ready = source.kind === "zip" || content.trim().length > 0;
  return (
    <div className="stack">
      <form className="stack" onSubmit={submit} aria-label="Validate a skill">
        <div className="field">
          <label htmlFor={contentId}>SKILL.md</label>
          <textarea
            id={contentId}
            name="content"
            rows={14}
            value={content}
            spellCheck={false}
            placeholder={"---\nname: my-skill\ndescription: Use when …\n---\n\n# My skill"}
            onChange={(e) => {
              setContent(e.target.value);
              setSource({ kind: "text" });
            }}
            style={{ fontFamily: "ui-monospace, monospace" }}
          />
        </div>
        <DropZone onFile={(f) => void onFile(f)} source={source} />
        {fileError && (
          <p className="alert alert-error" role="alert">
            {fileError}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={!ready || validate.isPending}>
            {validate.isPending ? "Validating…" : "Validate"}
          </button>
        </div>
      </form>
      {validate.error && (
        <p className="alert alert-error" role="alert">
          {validate.error.message}
        </p>
      )}
      {validate.data && <ValidationReportView report={validate.data} />}
    </div>
  );
}

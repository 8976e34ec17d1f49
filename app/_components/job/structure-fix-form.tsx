"use client";

import { useId, useState } from "react";
import type { StructureFixPrompt } from "@/contracts/checkpoints";
import { useAnswer } from "./use-answer";

/** What was wrong with the name/description, and the fixes the server suggests. */
function Problems({ prompt }: { prompt: StructureFixPrompt }) {
  return (
    <>
      <ul>
        {prompt.issues.map((issue) => (
          <li key={issue} className="field-error">
            {issue}
          </li>
        ))}
      </ul>
      {prompt.warnings.length > 0 && (
        <ul>
          {prompt.warnings.map((w) => (
            <li key={w} className="muted">
              {w}
            </li>
          ))}
        </ul>
      )}
      {prompt.suggestedFixes.length > 0 && (
        <div className="card">
          <h3>Suggested fixes</h3>
          <ul>
            {prompt.suggestedFixes.map((f) => (
              <li key={f.field}>
                <strong>{f.field}</strong>: <code>{f.current || "(empty)"}</code> → <code>{f.suggested}</code>{" "}
                <span className="hint">{f.explanation}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** A rejected name/description: the problems, the suggested fixes, and the two fields to accept or edit. */
export function StructureFixForm({
  jobId,
  checkpointId,
  prompt,
}: {
  jobId: string;
  checkpointId: string;
  prompt: StructureFixPrompt;
}) {
  const { send, pending, error } = useAnswer(jobId, checkpointId);
  const id = useId();
  const suggested = (field: "name" | "description") => prompt.suggestedFixes.find((f) => f.field === field)?.suggested;
  const [name, setName] = useState(suggested("name") ?? prompt.currentValues.name);
  const [description, setDescription] = useState(suggested("description") ?? prompt.currentValues.description);
  return (
    <form
      className="stack"
      aria-label="Fix name and description"
      onSubmit={(e) => {
        e.preventDefault();
        send({ action: "apply", acceptSuggestions: false, name, description });
      }}
    >
      <Problems prompt={prompt} />
      <div className="field">
        <label htmlFor={`${id}-name`}>
          Name <span className="hint">lowercase letters, digits and single hyphens, up to 64</span>
        </label>
        <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>
          Description <span className="hint">what it does and “Use when …”</span>
        </label>
        <textarea
          id={`${id}-description`}
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={pending}
          onClick={() => send({ action: "apply", acceptSuggestions: true })}
        >
          Accept suggestions
        </button>
        <button type="submit" disabled={pending}>
          Use my edits
        </button>
        <button type="button" className="danger" disabled={pending} onClick={() => send({ action: "cancel" })}>
          Cancel job
        </button>
      </div>
    </form>
  );
}

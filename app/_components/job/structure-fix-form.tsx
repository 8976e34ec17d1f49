"use client";

import { useId, useState, type ReactNode } from "react";
import type { StructureFixPrompt } from "@/contracts/checkpoints";
import { SKILL_DESCRIPTION_MAX_CHARS, SKILL_NAME_MAX_CHARS } from "@/contracts/limits";
import { checkDescription, skillNameIssues } from "@/contracts/skill-naming";
import { sentence } from "../../_lib/api-errors";
import { CharCount } from "../char-count";
import { AnswerStatus } from "./answer-status";
import { useAnswer } from "./use-answer";

const NAME_LABEL = (
  <>
    Name <span className="hint">lowercase letters, digits and single hyphens, starting with a letter</span>
  </>
);
const DESCRIPTION_LABEL = (
  <>
    Description <span className="hint">what it does and “Use when …”</span>
  </>
);

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

function nameProblems(name: string): string[] {
  return skillNameIssues(name.trim()).map((issue) => sentence(issue.message));
}

function descriptionCheck(description: string): { problems: string[]; advice: string[] } {
  const check = checkDescription(description.trim());
  return { problems: [...check.errors, ...check.securityIssues].map(sentence), advice: check.warnings.map(sentence) };
}

/** One field of the fix: its input, its inline problems (the server's own rules) and a counter. */
function FixField(props: {
  id: string;
  label: ReactNode;
  value: string;
  max: number;
  problems: string[];
  /** Said, but not blocking (house style). */
  advice?: string[];
  multiline?: boolean;
  onChange: (value: string) => void;
}) {
  const { id, problems } = props;
  const common = {
    id,
    value: props.value,
    "aria-invalid": problems.length > 0 ? true : undefined,
    "aria-describedby": `${id}-problems ${id}-count`,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => props.onChange(e.target.value)} />
      )}
      <div className="row">
        <ul id={`${id}-problems`} className="field-problems" aria-live="polite">
          {problems.map((problem) => (
            <li key={problem} className="field-error">
              {problem}
            </li>
          ))}
          {(props.advice ?? []).map((advice) => (
            <li key={advice} className="hint">
              {advice}
            </li>
          ))}
        </ul>
        <span className="spacer" />
        <CharCount id={`${id}-count`} length={props.value.trim().length} max={props.max} />
      </div>
    </div>
  );
}

/**
 * A rejected name/description: the problems, the suggested fixes, and the two fields to accept or edit. The
 * fields are checked as you type with the rules the server applies, so "Use my edits" only sends what it takes.
 */
export function StructureFixForm({
  jobId,
  checkpointId,
  prompt,
}: {
  jobId: string;
  checkpointId: string;
  prompt: StructureFixPrompt;
}) {
  const answer = useAnswer(jobId, checkpointId);
  const id = useId();
  const suggested = (field: "name" | "description") => prompt.suggestedFixes.find((f) => f.field === field)?.suggested;
  const [name, setName] = useState(suggested("name") ?? prompt.currentValues.name);
  const [description, setDescription] = useState(suggested("description") ?? prompt.currentValues.description);
  const described = descriptionCheck(description);
  const valid = nameProblems(name).length + described.problems.length === 0;
  return (
    <form
      className="stack"
      aria-label="Fix name and description"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) answer.send({ action: "apply", acceptSuggestions: false, name: name.trim(), description });
      }}
    >
      <Problems prompt={prompt} />
      <FixField
        id={`${id}-name`}
        label={NAME_LABEL}
        value={name}
        max={SKILL_NAME_MAX_CHARS}
        problems={nameProblems(name)}
        onChange={setName}
      />
      <FixField
        id={`${id}-description`}
        label={DESCRIPTION_LABEL}
        value={description}
        max={SKILL_DESCRIPTION_MAX_CHARS}
        problems={described.problems}
        advice={described.advice}
        multiline
        onChange={setDescription}
      />
      <AnswerStatus answer={answer} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={answer.pending}
          onClick={() => answer.send({ action: "apply", acceptSuggestions: true })}
        >
          Accept suggestions
        </button>
        <button type="submit" disabled={answer.pending || !valid}>
          Use my edits
        </button>
      </div>
    </form>
  );
}

"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "../../_lib/trpc";
import { EXAMPLE_TASKS, OPTION_FIELDS, TASK_MAX, TASK_MIN, taskProblem, type CreateOptions } from "./task-rules";

const NO_OPTIONS: CreateOptions = {
  confirmPlan: false,
  previewContent: false,
  reviewValidation: false,
  streamTokens: true,
};

function EngineNote() {
  const trpc = useTRPC();
  const info = useQuery(trpc.system.info.queryOptions());
  if (!info.data) return null;
  return info.data.offline ? (
    <p className="hint" data-testid="engine-note">
      Runs on the <strong>offline engine</strong>: a plain but valid draft built from your own words, no model needed.
    </p>
  ) : (
    <p className="hint" data-testid="engine-note">
      Runs on <strong>{info.data.engine}</strong>.
    </p>
  );
}

function OptionToggles({ options, onChange }: { options: CreateOptions; onChange: (next: CreateOptions) => void }) {
  return (
    <fieldset>
      <legend>Options</legend>
      <div className="stack">
        {OPTION_FIELDS.map((field) => (
          <label key={field.key} className="check">
            <input
              type="checkbox"
              name={field.key}
              checked={options[field.key]}
              onChange={(e) => onChange({ ...options, [field.key]: e.target.checked })}
            />
            <span>
              {field.label} <span className="hint">— {field.help}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Examples({ onPick }: { onPick: (task: string) => void }) {
  return (
    <div className="stack" aria-label="Examples">
      <p className="hint">Or start from an example:</p>
      <div className="row">
        {EXAMPLE_TASKS.map((example) => (
          <button key={example} type="button" onClick={() => onPick(example)}>
            {example}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The create form: task with counter and inline validation, options, examples; submit opens the job page. */
export function TaskForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const taskId = useId();
  const [task, setTask] = useState("");
  const [touched, setTouched] = useState(false);
  const [options, setOptions] = useState<CreateOptions>(NO_OPTIONS);
  // One request id per distinct submission: a double click or a retry after a network error reuses it.
  const requestId = useRef<{ task: string; id: string } | null>(null);
  const create = useMutation(
    trpc.skills.create.mutationOptions({ onSuccess: ({ jobId }) => router.push(`/jobs/${jobId}`) }),
  );
  const problem = taskProblem(task);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem || create.isPending) return;
    if (requestId.current?.task !== task) requestId.current = { task, id: crypto.randomUUID() };
    create.mutate({ task, options, requestId: requestId.current.id });
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Create a skill">
      <div className="field">
        <label htmlFor={taskId}>What should the skill teach an agent to do?</label>
        <textarea
          id={taskId}
          name="task"
          rows={6}
          value={task}
          maxLength={TASK_MAX}
          aria-invalid={touched && problem ? true : undefined}
          aria-describedby={`${taskId}-count ${taskId}-error`}
          placeholder="Create a skill for debugging flaky Playwright tests"
          onChange={(e) => setTask(e.target.value)}
          onBlur={() => setTouched(true)}
        />
        <div className="row">
          <span id={`${taskId}-error`} className="field-error" role={touched && problem ? "alert" : undefined}>
            {touched ? problem : null}
          </span>
          <span className="spacer" />
          <span id={`${taskId}-count`} className="hint" data-testid="task-counter">
            {task.trim().length.toLocaleString()} / {TASK_MAX.toLocaleString()} characters (at least {TASK_MIN})
          </span>
        </div>
      </div>
      <OptionToggles options={options} onChange={setOptions} />
      <EngineNote />
      {create.error && (
        <p className="alert alert-error" role="alert">
          Could not start the job: {create.error.message}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? "Starting…" : "Create skill"}
        </button>
      </div>
      <Examples
        onPick={(example) => {
          setTask(example);
          setTouched(false);
        }}
      />
    </form>
  );
}

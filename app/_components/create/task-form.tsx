"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { fieldErrors, formError } from "../../_lib/api-errors";
import { useTRPC } from "../../_lib/trpc";
import { useHydrated } from "../../_lib/use-hydrated";
import { CharCount } from "../char-count";
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

/** Above the task box, so a first-time visitor sees what a task looks like without scrolling. */
function Examples({ onPick }: { onPick: (task: string) => void }) {
  return (
    <div className="examples" role="group" aria-label="Examples">
      <span className="hint">Try an example:</span>
      {EXAMPLE_TASKS.map((example) => (
        <button key={example} type="button" className="example" onClick={() => onPick(example)}>
          {example}
        </button>
      ))}
    </div>
  );
}

function TaskField(props: { task: string; onChange: (task: string) => void; shown: string | null }) {
  const id = useId();
  const length = props.task.trim().length;
  return (
    <div className="field">
      <label htmlFor={id}>What should the skill teach an agent to do?</label>
      <textarea
        id={id}
        name="task"
        rows={6}
        value={props.task}
        aria-invalid={props.shown ? true : undefined}
        aria-describedby={`${id}-count ${id}-error`}
        placeholder="Create a skill for debugging flaky Playwright tests"
        onChange={(e) => props.onChange(e.target.value)}
      />
      <div className="row">
        <span id={`${id}-error`} className="field-error" role={props.shown ? "alert" : undefined}>
          {props.shown}
        </span>
        <span className="spacer" />
        <span className="hint" data-testid="task-counter">
          <CharCount id={`${id}-count`} length={length} max={TASK_MAX} /> characters (at least {TASK_MIN})
        </span>
      </div>
    </div>
  );
}

/** A job to start from: "Edit and run again" opens this page with `?from=<jobId>` and its task and options filled. */
function usePrefill(apply: (task: string, options: CreateOptions) => void): string | null {
  const trpc = useTRPC();
  const from = useSearchParams().get("from");
  const source = useQuery({ ...trpc.jobs.get.queryOptions({ jobId: from ?? "" }), enabled: Boolean(from) });
  // Applied once per source job, during render (React's pattern for state that follows a changing input).
  const [applied, setApplied] = useState<string | null>(null);
  if (source.data && applied !== source.data.id) {
    setApplied(source.data.id);
    apply(source.data.task, source.data.options);
  }
  return applied;
}

function useCreateJob() {
  const trpc = useTRPC();
  const router = useRouter();
  // One request id per distinct submission: a double click or a retry after a network error reuses it.
  const requestId = useRef<{ key: string; id: string } | null>(null);
  const create = useMutation(
    trpc.skills.create.mutationOptions({ onSuccess: ({ jobId }) => router.push(`/jobs/${jobId}`) }),
  );
  const start = (task: string, options: CreateOptions) => {
    const key = JSON.stringify([task, options]);
    if (requestId.current?.key !== key) requestId.current = { key, id: crypto.randomUUID() };
    create.mutate({ task, options, requestId: requestId.current.id });
  };
  return { start, pending: create.isPending, error: create.error };
}

/** The create form: examples, task with counter and inline validation, options; submit opens the job page. */
export function TaskForm() {
  const [task, setTask] = useState("");
  const [touched, setTouched] = useState(false);
  const [options, setOptions] = useState<CreateOptions>(NO_OPTIONS);
  const from = usePrefill((text, opts) => {
    setTask(text);
    setOptions(opts);
  });
  const create = useCreateJob();
  const hydrated = useHydrated();
  const problem = taskProblem(task);
  // Over the limit shows at once; too short only after a first try, so the empty form does not scold.
  const shown = touched || task.trim().length > TASK_MAX ? problem : null;
  const serverSaid = fieldErrors(create.error).task ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!problem && !create.pending) create.start(task, options);
  };
  return (
    // data-hydrated: the form reacts to typing from here on (browser tests wait for it before they type).
    <form
      className="stack"
      onSubmit={submit}
      noValidate
      aria-label="Create a skill"
      data-hydrated={hydrated || undefined}
    >
      {from && (
        <p className="notice" role="note" data-testid="prefilled-from">
          Filled from an earlier job: change what you need, then create a new one.
        </p>
      )}
      <Examples
        onPick={(example) => {
          setTask(example);
          setTouched(false);
        }}
      />
      <TaskField task={task} onChange={setTask} shown={shown ?? serverSaid} />
      <OptionToggles options={options} onChange={setOptions} />
      <EngineNote />
      {formError(create.error) && (
        <p className="alert alert-error" role="alert">
          Could not start the job: {formError(create.error)}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={create.pending}>
          {create.pending ? "Starting…" : "Create skill"}
        </button>
      </div>
    </form>
  );
}

"use client";

import type { ReactNode } from "react";
import type { ConfirmPrompt, PreviewPrompt, ReviewPrompt } from "@/contracts/checkpoints";
import { verdictHeadline } from "@/contracts/verdict";
import type { RouterOutputs } from "../../_lib/router-types";
import { PatchView, TextDiffView } from "../diff-view";
import { SkillMdView } from "../markdown-view";
import { RelativeTime } from "../relative-time";
import { QualitySummary } from "../validation-report";
import { ClarifyForm } from "./clarify-form";
import { DecisionForm } from "./decision-form";
import { StructureFixForm } from "./structure-fix-form";

export type PendingCheckpoint = NonNullable<RouterOutputs["jobs"]["get"]["pendingCheckpoint"]>;
type Readable = Extract<PendingCheckpoint, { readable: true }>;

export const CHECKPOINT_TITLES: Record<PendingCheckpoint["type"], string> = {
  clarify: "A few questions before writing",
  structure_fix: "Fix the name or description",
  confirm: "Confirm the plan",
  preview: "Preview the content",
  validate: "Review the validation",
};

/** What changed since the last version the user saw (after "Revise" or "Refine"), open by default. */
function Revision({ previous, current, what }: { previous: string | null; current: string; what: string }) {
  if (previous === null) return null;
  return (
    <details open className="card revision">
      <summary>
        <strong>What changed since the last {what}</strong>
      </summary>
      <TextDiffView before={previous} after={current} label={`Changes to the ${what}`} />
    </details>
  );
}

function ConfirmBody({ prompt, previous }: { prompt: ConfirmPrompt; previous: string | null }) {
  return (
    <div className="stack">
      <Revision previous={previous} current={prompt.summary} what="plan" />
      <pre className="card wrap">{prompt.summary}</pre>
      <p>
        Library path: <code>{prompt.path}</code>
      </p>
      {prompt.keyAssumptions.length > 0 && (
        <>
          <h3>Assumptions</h3>
          <ul>
            {prompt.keyAssumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function PreviewBody({ prompt, previous }: { prompt: PreviewPrompt; previous: string | null }) {
  return (
    <div className="stack">
      <Revision previous={previous} current={prompt.content} what="preview" />
      <p className="muted">
        {prompt.sectionsCount} sections · {prompt.examplesCount} examples · about {prompt.readingTime} min to read
      </p>
      {prompt.highlights.length > 0 && (
        <ul aria-label="Highlights">
          {prompt.highlights.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
      {prompt.diff && (
        <details open>
          <summary>
            <strong>Changes against the original</strong>
          </summary>
          <PatchView patch={prompt.diff} label="Changes against the original" />
        </details>
      )}
      <div className="card">
        <SkillMdView content={prompt.content} />
      </div>
    </div>
  );
}

function ReviewVerdict({ prompt }: { prompt: ReviewPrompt }) {
  const findings = prompt.issues.map(() => ({ severity: "error" as const }));
  const headline = prompt.quality
    ? verdictHeadline({ passed: prompt.passed, findings, scores: prompt.scores, quality: prompt.quality })
    : `Score ${prompt.validationScore.toFixed(2)}: ${prompt.passed ? "passes" : "does not pass yet"}`;
  return (
    <p className={`alert ${prompt.passed ? "alert-ok" : "alert-warn"}`} data-testid="review-verdict">
      {headline}.
    </p>
  );
}

function List({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}

/** What the validation found: the verdict and the quality dimensions with their evidence (or the plain report). */
function ReviewFindings({ prompt }: { prompt: ReviewPrompt }) {
  return (
    <section className="stack" aria-label="Findings" data-slot="validation-reasons">
      <ReviewVerdict prompt={prompt} />
      {prompt.quality && prompt.scores ? (
        <QualitySummary quality={prompt.quality} scores={prompt.scores} />
      ) : (
        <pre className="card wrap">{prompt.report}</pre>
      )}
      <List title={`Test queries (${prompt.testCaseCount})`} items={prompt.testCasesPreview} />
    </section>
  );
}

/** The SKILL.md under review next to what the validation found in it. */
function ReviewBody({ prompt, previous }: { prompt: ReviewPrompt; previous: string | null }) {
  return (
    <div className="stack">
      <Revision previous={previous} current={prompt.content} what="version" />
      <div className="review-grid">
        <details open className="card">
          <summary>
            <strong>The SKILL.md being reviewed</strong>
          </summary>
          <SkillMdView content={prompt.content} />
        </details>
        <ReviewFindings prompt={prompt} />
      </div>
    </div>
  );
}

function Decision(props: { jobId: string; checkpoint: Readable; change: "revise" | "refine"; children: ReactNode }) {
  const label = CHECKPOINT_TITLES[props.checkpoint.type];
  const changeLabel = props.change === "revise" ? "Revise with feedback" : "Refine with feedback";
  return (
    <DecisionForm
      jobId={props.jobId}
      checkpointId={props.checkpoint.id}
      label={label}
      changeAction={props.change}
      changeLabel={changeLabel}
    >
      {props.children}
    </DecisionForm>
  );
}

function CheckpointForm({ jobId, checkpoint }: { jobId: string; checkpoint: PendingCheckpoint }) {
  if (!checkpoint.readable)
    return (
      <p className="alert alert-error" role="alert">
        This checkpoint&apos;s question could not be read ({checkpoint.problem}). Answer it from the CLI, or cancel the
        job.
      </p>
    );
  const common = { jobId, checkpointId: checkpoint.id };
  switch (checkpoint.type) {
    case "clarify":
      return <ClarifyForm {...common} prompt={checkpoint.prompt} />;
    case "structure_fix":
      return <StructureFixForm {...common} prompt={checkpoint.prompt} />;
    case "confirm":
      return (
        <Decision jobId={jobId} checkpoint={checkpoint} change="revise">
          <ConfirmBody prompt={checkpoint.prompt} previous={checkpoint.previous} />
        </Decision>
      );
    case "preview":
      return (
        <Decision jobId={jobId} checkpoint={checkpoint} change="refine">
          <PreviewBody prompt={checkpoint.prompt} previous={checkpoint.previous} />
        </Decision>
      );
    case "validate":
      return (
        <Decision jobId={jobId} checkpoint={checkpoint} change="refine">
          <ReviewBody prompt={checkpoint.prompt} previous={checkpoint.previous} />
        </Decision>
      );
  }
}

/**
 * The job's pending checkpoint as an in-page form; keyed by id so a new checkpoint starts with a fresh form. Its
 * heading takes the focus when it appears (the job page moves it there), so keyboard and screen-reader users land
 * on the question.
 */
export function CheckpointPanel({ jobId, checkpoint }: { jobId: string; checkpoint: PendingCheckpoint }) {
  return (
    <section
      className="card checkpoint"
      aria-labelledby="checkpoint-title"
      data-testid={`checkpoint-${checkpoint.type}`}
    >
      <h2 id="checkpoint-title" tabIndex={-1}>
        {CHECKPOINT_TITLES[checkpoint.type]}
      </h2>
      <p className="hint" data-testid="checkpoint-deadline">
        The job is waiting for you (it gives up <RelativeTime date={checkpoint.deadline} />)
      </p>
      <CheckpointForm key={checkpoint.id} jobId={jobId} checkpoint={checkpoint} />
    </section>
  );
}

"use client";

import { PatchView } from "../diff-view";
import { CHECKPOINT_SCHEMAS, type ConfirmPrompt, type PreviewPrompt, type ReviewPrompt } from "@/contracts/checkpoints";
import { verdictHeadline } from "@/contracts/validation";
import { SkillMdView } from "../markdown-view";
import { QualitySummary } from "../validation-report";
import { ClarifyForm } from "./clarify-form";
import { DecisionForm } from "./decision-form";
import { StructureFixForm } from "./structure-fix-form";

export interface PendingCheckpoint {
  id: string;
  type: keyof typeof CHECKPOINT_SCHEMAS;
  prompt: Record<string, unknown>;
  deadline: Date;
}

const TITLES: Record<PendingCheckpoint["type"], string> = {
  clarify: "A few questions before writing",
  structure_fix: "Fix the name or description",
  confirm: "Confirm the plan",
  preview: "Preview the content",
  validate: "Review the validation",
};

function ConfirmBody({ prompt }: { prompt: ConfirmPrompt }) {
  return (
    <div className="stack">
      <pre className="card" style={{ whiteSpace: "pre-wrap" }}>
        {prompt.summary}
      </pre>
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

function PreviewBody({ prompt }: { prompt: PreviewPrompt }) {
  return (
    <div className="stack">
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

function ReviewBody({ prompt }: { prompt: ReviewPrompt }) {
  return (
    <div className="stack">
      <ReviewVerdict prompt={prompt} />
      {prompt.quality && prompt.scores ? (
        <QualitySummary quality={prompt.quality} scores={prompt.scores} />
      ) : (
        <pre className="card" style={{ whiteSpace: "pre-wrap" }}>
          {prompt.report}
        </pre>
      )}
      {prompt.testCasesPreview.length > 0 && (
        <>
          <h3>Test queries ({prompt.testCaseCount})</h3>
          <ul>
            {prompt.testCasesPreview.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function CheckpointForm({ jobId, checkpoint }: { jobId: string; checkpoint: PendingCheckpoint }) {
  const common = { jobId, checkpointId: checkpoint.id };
  const parsed = CHECKPOINT_SCHEMAS[checkpoint.type].prompt.safeParse(checkpoint.prompt);
  if (!parsed.success)
    return (
      <p className="alert alert-error" role="alert">
        This checkpoint&apos;s question could not be read: {parsed.error.issues[0]?.message}
      </p>
    );
  switch (checkpoint.type) {
    case "clarify":
      return <ClarifyForm {...common} prompt={CHECKPOINT_SCHEMAS.clarify.prompt.parse(checkpoint.prompt)} />;
    case "structure_fix":
      return <StructureFixForm {...common} prompt={CHECKPOINT_SCHEMAS.structure_fix.prompt.parse(checkpoint.prompt)} />;
    case "confirm":
      return (
        <DecisionForm {...common} label="Confirm the plan" changeAction="revise" changeLabel="Revise with feedback">
          <ConfirmBody prompt={CHECKPOINT_SCHEMAS.confirm.prompt.parse(checkpoint.prompt)} />
        </DecisionForm>
      );
    case "preview":
      return (
        <DecisionForm {...common} label="Preview the content" changeAction="refine" changeLabel="Refine with feedback">
          <PreviewBody prompt={CHECKPOINT_SCHEMAS.preview.prompt.parse(checkpoint.prompt)} />
        </DecisionForm>
      );
    case "validate":
      return (
        <DecisionForm
          {...common}
          label="Review the validation"
          changeAction="refine"
          changeLabel="Refine with feedback"
        >
          <ReviewBody prompt={CHECKPOINT_SCHEMAS.validate.prompt.parse(checkpoint.prompt)} />
        </DecisionForm>
      );
  }
}

/** The job's pending checkpoint as an in-page form; keyed by id so a new checkpoint starts with a fresh form. */
export function CheckpointPanel({ jobId, checkpoint }: { jobId: string; checkpoint: PendingCheckpoint }) {
  return (
    <section
      className="card checkpoint"
      aria-labelledby="checkpoint-title"
      data-testid={`checkpoint-${checkpoint.type}`}
    >
      <h2 id="checkpoint-title">{TITLES[checkpoint.type]}</h2>
      <p className="hint">The job is waiting for you (until {checkpoint.deadline.toLocaleString()}).</p>
      <CheckpointForm key={checkpoint.id} jobId={jobId} checkpoint={checkpoint} />
    </section>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { SCAFFOLD_LABEL, verdictHeadline } from "@/contracts/verdict";
import type { RouterOutputs } from "../../_lib/router-types";
import { useTRPC } from "../../_lib/trpc";
import { SkillMdView } from "../markdown-view";
import { RiskyDownload } from "../risky-download";
import { ValidationReportView } from "../validation-report";
import { DraftFiles } from "./draft-files";
import { PromotePanel } from "./promote-panel";

// Loaded once a draft is there to evaluate: a job page in progress does not carry it (the JavaScript budget).
const EvalStart = dynamic(() => import("../evals/eval-start").then((m) => m.EvalStart));

type Job = RouterOutputs["jobs"]["get"];
type Result = NonNullable<Job["result"]>;

/** The draft's zip; the risk comes from drafts.get (the scan of the files the download serves, edits included). */
function DraftDownload({ jobId, hasDraft }: { jobId: string; hasDraft: boolean }) {
  const trpc = useTRPC();
  const draft = useQuery({ ...trpc.drafts.get.queryOptions({ jobId }), enabled: hasDraft });
  return <RiskyDownload href={`/api/jobs/${jobId}/archive`} security={draft.data?.security} testId="download-zip" />;
}

function Assessment({ result }: { result: Result }) {
  const validation = result.validation;
  return (
    <ValidationReportView
      report={{
        passed: result.passed ?? false,
        findings: validation?.findings ?? [],
        scores: validation?.scores ?? null,
        quality: validation?.quality ?? null,
      }}
    />
  );
}

/** What to do next: fill in the scaffold or connect a model, fix the reasons, or promote. */
function NextSteps({ steps, scaffold }: { steps: string[]; scaffold: boolean }) {
  if (steps.length === 0) return null;
  return (
    <div className={`alert ${scaffold ? "alert-warn" : "alert-ok"}`} data-testid="next-steps">
      <strong>{scaffold ? "This is a scaffold, not a finished skill." : "Next"}</strong>
      <ul>
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
    </div>
  );
}

/** Steps the offline engine wrote because the model failed: named, never shown as the model's work. */
function FellBack({ jobId, result }: { jobId: string; result: Result }) {
  if (result.fellBack.length === 0) return null;
  return (
    <div className="alert alert-warn" data-testid="fell-back">
      <strong>Not all of this is the model&apos;s work.</strong>{" "}
      {result.fellBack.length === 1 ? "One step" : `${result.fellBack.length} steps`} fell back to the offline engine
      because the model failed:
      <ul>
        {result.fellBack.map((f) => (
          <li key={f.key}>
            <code>{f.step}</code> ({f.engine}): {f.reason}
          </li>
        ))}
      </ul>
      <Link href={`/jobs/${jobId}/timeline`}>The timeline</Link> shows every request.
    </div>
  );
}

/** A job that finished without passing says so first, and why, with a link down to the reasons. */
function Outcome({ job, result }: { job: Job; result: Result }) {
  if (job.status !== "pending_review") return null;
  if (result.reviewReason)
    return (
      <p className="alert alert-warn" data-testid="end-state">
        Needs your review: {result.reviewReason}
      </p>
    );
  const { validation } = result;
  const headline = verdictHeadline({
    passed: false,
    findings: validation?.findings ?? [],
    scores: validation?.scores,
    quality: validation?.quality,
  });
  return (
    <p className="alert alert-warn" data-testid="end-state">
      {headline}. <a href="#validation-title">See the reasons</a>.
    </p>
  );
}

/** A finished job's skill: rendered SKILL.md, draft files, validation, download and promotion. */
export function JobResult({ job }: { job: Job }) {
  const result = job.result;
  if (!result?.content) return <p className="muted">The job finished without a skill.</p>;
  return (
    <section className="stack" aria-labelledby="result-title">
      <Outcome job={job} result={result} />
      <FellBack jobId={job.id} result={result} />
      <div className="row">
        <h2 id="result-title" style={{ margin: 0 }}>
          {result.name}
        </h2>
        {job.status === "pending_review" && <span className="status status-pending_review">needs review</span>}
        {result.scaffold && (
          <span
            className="badge"
            data-testid="scaffold-badge"
            title="Written by the offline engine from your own words"
          >
            {SCAFFOLD_LABEL}
          </span>
        )}
        <span className="spacer" />
        {!job.promoted && job.draft && (
          <Link className="button" href={`/jobs/${job.id}/edit`}>
            Edit draft
          </Link>
        )}
        <DraftDownload jobId={job.id} hasDraft={Boolean(job.draft)} />
      </div>
      <p>{result.description}</p>
      <NextSteps steps={result.nextSteps} scaffold={result.scaffold} />
      {job.promoted ? (
        <p className="alert alert-ok" role="status">
          In the library at{" "}
          <Link href={`/library?path=${encodeURIComponent(job.finalPath ?? "")}`}>{job.finalPath}</Link> (version{" "}
          {job.finalVersion}).
        </p>
      ) : (
        <PromotePanel jobId={job.id} needsForce={job.status === "pending_review"} />
      )}
      {job.draft && <EvalStart jobId={job.id} />}
      <details open>
        <summary>
          <strong>SKILL.md</strong>
        </summary>
        <div className="card" data-testid="skill-content">
          <SkillMdView content={result.content} />
        </div>
      </details>
      {!job.promoted && (
        <details>
          <summary>
            <strong>Draft files</strong>
          </summary>
          <DraftFiles jobId={job.id} />
        </details>
      )}
      <h3 id="validation-title">Validation</h3>
      {/* Slot: the validation's reasons (findings, and the quality dimensions below the bar with their evidence). */}
      <div data-slot="validation-reasons">
        <Assessment result={result} />
      </div>
    </section>
  );
}

"use client";

import Link from "next/link";
import type { RouterOutputs } from "../../_lib/router-types";
import { SkillMdView } from "../markdown-view";
import { ValidationReportView } from "../validation-report";
import { DraftFiles } from "./draft-files";
import { PromotePanel } from "./promote-panel";

type Job = RouterOutputs["jobs"]["get"];
type Result = NonNullable<Job["result"]>;

function Assessment({ result }: { result: Result }) {
  const validation = result.validation;
  const scores = {
    quality: result.score,
    compliance: validation?.complianceScore ?? null,
    triggerCoverage: validation?.triggerCoverage ?? null,
  };
  return (
    <div className="stack">
      <ValidationReportView report={{ passed: result.passed ?? false, findings: validation?.findings ?? [], scores }} />
      {validation && validation.strengths.length + validation.weaknesses.length > 0 && (
        <div className="grid-2" style={{ gridTemplateColumns: "1fr 1fr" }}>
          <div className="card">
            <h3>Strengths</h3>
            <ul>
              {validation.strengths.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </div>
          <div className="card">
            <h3>Weaknesses</h3>
            <ul>
              {validation.weaknesses.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}

/** A finished job's skill: rendered SKILL.md, draft files, validation, download and promotion. */
export function JobResult({ job }: { job: Job }) {
  const result = job.result;
  if (!result?.content) return <p className="muted">The job finished without a skill.</p>;
  return (
    <section className="stack" aria-labelledby="result-title">
      <div className="row">
        <h2 id="result-title" style={{ margin: 0 }}>
          {result.name}
        </h2>
        {job.status === "pending_review" && <span className="status status-pending_review">needs review</span>}
        {result.engine === "offline" && (
          <span className="badge" title="Written by the offline engine from your own words">
            offline draft
          </span>
        )}
        <span className="spacer" />
        <a className="button" href={`/api/jobs/${job.id}/archive`} download data-testid="download-zip">
          Download .zip
        </a>
      </div>
      <p>{result.description}</p>
      {job.promoted ? (
        <p className="alert alert-ok" role="status">
          In the library at{" "}
          <Link href={`/library?path=${encodeURIComponent(job.finalPath ?? "")}`}>{job.finalPath}</Link>.
        </p>
      ) : (
        <PromotePanel jobId={job.id} needsForce={job.status === "pending_review"} />
      )}
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
      <h3>Validation</h3>
      <Assessment result={result} />
    </section>
  );
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import type { RouterOutputs } from "../../_lib/router-types";
import { useTRPC } from "../../_lib/trpc";
import { SkillMdView } from "../markdown-view";
import { ValidationReportView } from "../validation-report";

type Job = RouterOutputs["jobs"]["get"];

/** A finished job's skill: rendered SKILL.md, its validation report, and the download. */
export function JobResult({ job }: { job: Job }) {
  const trpc = useTRPC();
  const validate = useMutation(trpc.skills.validate.mutationOptions());
  const content = job.result?.content ?? null;
  const folderName = job.result?.name ?? undefined;
  const { mutate } = validate;
  useEffect(() => {
    if (content) mutate({ content, folderName });
  }, [content, folderName, mutate]);
  if (!job.result || !content) return <p className="muted">The job finished without a skill.</p>;
  return (
    <section className="stack" aria-labelledby="result-title">
      <div className="row">
        <h2 id="result-title" style={{ margin: 0 }}>{job.result.name}</h2>
        {job.status === "pending_review" && <span className="status status-pending_review">needs review</span>}
        <span className="spacer" />
        <a className="button" href={`/api/jobs/${job.id}/archive`} download>Download .zip</a>
      </div>
      <p>{job.result.description}</p>
      <div className="card" data-testid="skill-content"><SkillMdView content={content} /></div>
      <h3>Validation</h3>
      {validate.data ? <ValidationReportView report={validate.data} /> : <p className="muted">Validating…</p>}
    </section>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { EvalResult } from "../../../contracts/eval-result";
import { formError } from "../../_lib/api-errors";
import type { RouterOutputs } from "../../_lib/router-types";
import { useTRPC } from "../../_lib/trpc";
import { DescriptionTuning } from "./description-tuning";
import { EvalCase } from "./eval-case";
import { baselineHeading, BenchmarkTable, TriggerFigures, UsageLine } from "./eval-figures";
import { EvalHeadline } from "./latest-eval";

function EvalHeader({ result }: { result: EvalResult }) {
  const version = result.versionNumber === null ? "draft" : `version ${result.versionNumber}`;
  const against = result.baseline.kind === "version" ? `, compared with version ${result.baseline.versionNumber}` : "";
  return (
    <>
      <h2 id="eval-title" style={{ margin: 0 }}>
        Eval of {result.skillPath} ({version})
      </h2>
      <p className="muted">
        {result.runs} runs per case on {result.engine}
        {against}
      </p>
    </>
  );
}

function PreviousEval({ previous }: { previous: RouterOutputs["evals"]["get"]["previous"] }) {
  if (!previous) return null;
  return (
    <p className="muted" data-testid="previous-eval">
      Previous run (<Link href={`/jobs/${previous.jobId}`}>{previous.createdAt.toISOString().slice(0, 10)}</Link>):{" "}
      <EvalHeadline result={previous.result} />
    </p>
  );
}

/**
 * A finished eval job's result (docs/evals.md): the benchmark, the triggers, the description tuning, the usage, the
 * previous run, every case's outputs.
 */
export function EvalResultView({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.evals.get.queryOptions({ jobId }));
  if (query.isError)
    return (
      <p className="alert alert-error" role="alert">
        Could not load the eval: {formError(query.error)}
      </p>
    );
  const result = query.data?.result;
  if (!query.data || !result) return <p className="muted">Loading the eval…</p>;
  const functional = result.functional;
  return (
    <section className="stack" aria-labelledby="eval-title" data-testid="eval-result">
      <EvalHeader result={result} />
      {functional && <BenchmarkTable result={{ ...result, functional }} />}
      {result.trigger && <TriggerFigures trigger={result.trigger} />}
      <DescriptionTuning jobId={jobId} result={result} decision={query.data.decision} />
      <UsageLine usage={result.usage} />
      <PreviousEval previous={query.data.previous} />
      {functional?.cases.map((c) => (
        <EvalCase
          key={c.caseId}
          jobId={jobId}
          evalCase={c}
          baseline={baselineHeading(result.baseline)}
          feedback={query.data.feedback.filter((f) => f.caseId === c.caseId)}
        />
      ))}
    </section>
  );
}

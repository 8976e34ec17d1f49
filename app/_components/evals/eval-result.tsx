"use client";

import { useQuery } from "@tanstack/react-query";
import { formError } from "../../_lib/api-errors";
import { useTRPC } from "../../_lib/trpc";
import Link from "next/link";
import { EvalCase } from "./eval-case";
import { EvalHeadline } from "./latest-eval";
import { BenchmarkTable, TriggerFigures, UsageLine } from "./eval-figures";

/** A finished eval job's result (docs/evals.md): the benchmark, the triggers, the usage, every case's outputs. */
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
  if (!result) return <p className="muted">Loading the eval…</p>;
  const version = result.versionNumber === null ? "draft" : `version ${result.versionNumber}`;
  return (
    <section className="stack" aria-labelledby="eval-title" data-testid="eval-result">
      <h2 id="eval-title" style={{ margin: 0 }}>
        Eval of {result.skillPath} ({version})
      </h2>
      <p className="muted">
        {result.runs} runs per case on {result.engine}
      </p>
      {result.functional && <BenchmarkTable functional={result.functional} />}
      {result.trigger && <TriggerFigures trigger={result.trigger} />}
      <UsageLine usage={result.usage} />
      {query.data?.previous && (
        <p className="muted" data-testid="previous-eval">
          Previous run (
          <Link href={`/jobs/${query.data.previous.jobId}`}>
            {query.data.previous.createdAt.toISOString().slice(0, 10)}
          </Link>
          ): <EvalHeadline result={query.data.previous.result} />
        </p>
      )}
      {result.functional?.cases.map((c) => (
        <EvalCase
          key={c.caseId}
          jobId={jobId}
          evalCase={c}
          feedback={query.data?.feedback.filter((f) => f.caseId === c.caseId) ?? []}
        />
      ))}
    </section>
  );
}

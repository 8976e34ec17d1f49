"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { baselineLabel, deltaText, percent, sideText } from "../../../contracts/eval-report";
import type { EvalResult } from "../../../contracts/eval-result";
import { useTRPC } from "../../_lib/trpc";

/** One line of an eval's headline figures: with, without, the difference, and the trigger scores. */
export function EvalHeadline({ result }: { result: EvalResult }) {
  const overall = result.functional?.overall;
  const version = result.versionNumber === null ? "a draft" : `v${result.versionNumber}`;
  return (
    <span>
      {version}:{" "}
      {overall
        ? `with the skill ${sideText(overall.with)}, ${baselineLabel(result.baseline)} ${sideText(overall.without)} (${deltaText(overall.delta)})`
        : "no functional cases"}
      {result.trigger
        ? `; triggers: precision ${percent(result.trigger.precision)}, recall ${percent(result.trigger.recall)}`
        : ""}
    </span>
  );
}

/** The latest eval of a library skill (docs/evals.md), on its page; nothing when it has none. */
export function LatestEval({ path }: { path: string }) {
  const trpc = useTRPC();
  const latest = useQuery(trpc.evals.latest.queryOptions({ path }));
  if (!latest.data) return null;
  return (
    <p className="muted" data-testid="latest-eval">
      Latest eval (<Link href={`/jobs/${latest.data.jobId}`}>{latest.data.createdAt.toISOString().slice(0, 10)}</Link>
      ): <EvalHeadline result={latest.data.result} />
    </p>
  );
}

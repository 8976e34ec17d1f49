"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { percent, scoresText } from "../../../contracts/eval-report";
import type { EvalResult, TuningResult } from "../../../contracts/eval-result";
import { SKILL_DESCRIPTION_MAX_CHARS } from "../../../contracts/limits";
import { formError } from "../../_lib/api-errors";
import type { RouterOutputs } from "../../_lib/router-types";
import { useTRPC } from "../../_lib/trpc";
import { WordDiffView } from "./word-diff";

type Decision = RouterOutputs["evals"]["get"]["decision"];

/** Every description tried, with its share of training and held-out trigger queries right. */
function Attempts({ tuning }: { tuning: TuningResult }) {
  return (
    <table className="table" data-testid="tuning-attempts">
      <thead>
        <tr>
          <th scope="col">Description</th>
          <th scope="col">Training queries right</th>
          <th scope="col">Held-out queries right</th>
        </tr>
      </thead>
      <tbody>
        {[
          { ...tuning.original, label: "Current" },
          ...tuning.candidates.map((c) => ({ ...c, label: `Attempt ${c.iteration}` })),
        ].map((row) => (
          <tr key={row.label}>
            <th scope="row" title={row.description}>
              {row.label}
            </th>
            <td>{percent(row.trainScore)}</td>
            <td>
              {percent(row.testScore)}
              {row.errors ? ` (${row.errors} errors)` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DecisionNote({ decision, result }: { decision: NonNullable<Decision>; result: EvalResult }) {
  if (decision.decision === "reject") return <p data-testid="tuning-decision">You rejected this description.</p>;
  const where =
    decision.versionNumber === null ? (
      "as a new revision of the draft"
    ) : (
      <>
        as <Link href={`/library?path=${encodeURIComponent(result.skillPath)}`}>version {decision.versionNumber}</Link>{" "}
        of {result.skillPath}
      </>
    );
  return <p data-testid="tuning-decision">Accepted: saved {where}.</p>;
}

interface Props {
  jobId: string;
  result: EvalResult;
  decision: Decision;
}

/** The proposal word by word, with Accept (saved as a new version) and Reject, or the decision once taken. */
function Proposal({ jobId, result, decision, proposal }: Props & { proposal: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const decide = useMutation(
    trpc.evals.decideDescription.mutationOptions({
      // The skill (or draft) has a new version now: every view of the library and of drafts reads it again.
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.evals.get.queryKey({ jobId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.library.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.drafts.pathKey() }),
        ]),
    }),
  );
  const error = formError(decide.error);
  const before = result.tuning?.original.description ?? "";
  return (
    <>
      <WordDiffView before={before} after={proposal} label="The proposed description" />
      <p className="hint">
        {Array.from(proposal).length} / {SKILL_DESCRIPTION_MAX_CHARS} characters
      </p>
      {decision ? (
        <DecisionNote decision={decision} result={result} />
      ) : (
        <div className="actions">
          <button
            type="button"
            disabled={decide.isPending}
            onClick={() => decide.mutate({ jobId, decision: "accept" })}
          >
            {decide.isPending ? "Saving…" : "Accept as a new version"}
          </button>
          <button
            type="button"
            disabled={decide.isPending}
            onClick={() => decide.mutate({ jobId, decision: "reject" })}
          >
            Reject
          </button>
        </div>
      )}
      {error && (
        <p className="alert alert-error" role="alert">
          Could not record the decision: {error}
        </p>
      )}
    </>
  );
}

/**
 * The description the eval proposes (docs/evals.md, Description tuning): how each attempt scored, the change word by
 * word, and Accept (saved as a new version) or Reject. A stale skill is refused by the server, in words, shown here.
 */
export function DescriptionTuning({ jobId, result, decision }: Props) {
  const tuning = result.tuning;
  if (!tuning) return null;
  return (
    <section className="card stack" aria-labelledby="tuning-title" data-testid="description-tuning">
      <h3 id="tuning-title" style={{ margin: 0 }}>
        Description tuning
      </h3>
      <p>{tuning.reason}.</p>
      <p className="muted">
        {tuning.split.train.length} trigger queries to learn from, {tuning.split.test.length} held out to choose by.
        Current: {scoresText(tuning.original)}.
      </p>
      {tuning.candidates.length > 0 && <Attempts tuning={tuning} />}
      {tuning.proposal && <Proposal jobId={jobId} result={result} decision={decision} proposal={tuning.proposal} />}
    </section>
  );
}

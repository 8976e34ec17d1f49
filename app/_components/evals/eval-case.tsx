import type { EvalResult, RunView } from "../../../contracts/eval-result";

type CaseResult = NonNullable<EvalResult["functional"]>["cases"][number];

/** One run's answer (as plain text, never rendered markdown) with each assertion's verdict and evidence. */
function RunCard({ run, side, label }: { run: RunView; side: string; label: string }) {
  return (
    <div className="card stack" data-testid={`run-${side}-${run.run}`}>
      <strong>
        {label} · run {run.run}
      </strong>
      {run.status === "error" ? (
        <p className="alert alert-warn">
          Model {run.failure} at the {run.stage}: {run.error}
        </p>
      ) : (
        <pre className="wrap">{run.answer}</pre>
      )}
      <ul>
        {run.verdicts.map((v) => (
          <li key={v.assertion}>
            {v.passed ? "✓" : "✗"} {v.assertion} — <q>{v.evidence}</q>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A case's outputs side by side: with the skill on the left, the baseline (`baseline` names it) on the right. */
export function EvalCase({ evalCase, baseline }: { evalCase: CaseResult; baseline: string }) {
  return (
    <details data-testid={`eval-case-${evalCase.caseId}`}>
      <summary>
        Case {evalCase.caseId}: {evalCase.prompt}
      </summary>
      <div className="grid-2">
        <div className="stack">
          {evalCase.runs.with.map((run) => (
            <RunCard key={run.run} run={run} side="with" label="With the skill" />
          ))}
        </div>
        <div className="stack">
          {evalCase.runs.without.map((run) => (
            <RunCard key={run.run} run={run} side="without" label={baseline} />
          ))}
        </div>
      </div>
    </details>
  );
}

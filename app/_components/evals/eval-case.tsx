import type { EvalResult, RunView } from "../../../contracts/eval-result";
import { RunFeedback, type Feedback, type OutputRef } from "./run-feedback";

type CaseResult = NonNullable<EvalResult["functional"]>["cases"][number];

/** One run's answer (as plain text, never rendered markdown) with each assertion's verdict and evidence. */
function RunCard(props: { run: RunView; output: OutputRef; label: string; feedback?: Feedback }) {
  const { run, output, label } = props;
  return (
    <div className="card stack" data-testid={`run-${output.side}-${run.run}`}>
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
      <RunFeedback output={output} label={label} initial={props.feedback} />
    </div>
  );
}

/**
 * A case's outputs side by side: with the skill on the left, the baseline (`baseline` names it) on the right; under
 * each, the caller's feedback on it (`feedback`: theirs on this case, from evals.get).
 */
export function EvalCase(props: { jobId: string; evalCase: CaseResult; baseline: string; feedback: Feedback[] }) {
  const { jobId, evalCase, feedback } = props;
  const { caseId } = evalCase;
  const sideRuns = (side: OutputRef["side"], label: string) =>
    evalCase.runs[side].map((run) => (
      <RunCard
        key={run.run}
        run={run}
        output={{ jobId, caseId, side, run: run.run }}
        label={label}
        feedback={feedback.find((f) => f.side === side && f.run === run.run)}
      />
    ));
  return (
    <details data-testid={`eval-case-${caseId}`}>
      <summary>
        Case {caseId}: {evalCase.prompt}
      </summary>
      <div className="grid-2">
        <div className="stack">{sideRuns("with", "With the skill")}</div>
        <div className="stack">{sideRuns("without", props.baseline)}</div>
      </div>
    </details>
  );
}

import type { EvalResult } from "../../../contracts/eval-result";
import {
  baselineLabel,
  deltaText,
  percent,
  sideText,
  triggerErrorsText,
  usageLine,
} from "../../../contracts/eval-report";

/** The baseline column's heading: no skill, or the version compared with. */
export const baselineHeading = (baseline: EvalResult["baseline"]): string => {
  const label = baselineLabel(baseline);
  return label.charAt(0).toUpperCase() + label.slice(1);
};

/** The benchmark table (with vs the baseline, per case and overall) and the usage line, as the CLI prints them. */
export function BenchmarkTable({
  result,
}: {
  result: EvalResult & { functional: NonNullable<EvalResult["functional"]> };
}) {
  const { cases, overall } = result.functional;
  return (
    <table className="table" data-testid="benchmark">
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">With the skill</th>
          <th scope="col">{baselineHeading(result.baseline)}</th>
          <th scope="col">Difference</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.caseId} data-testid={`benchmark-case-${c.caseId}`}>
            <th scope="row">{c.caseId}</th>
            <td>{sideText(c.with)}</td>
            <td>{sideText(c.without)}</td>
            <td>{deltaText(c.delta)}</td>
          </tr>
        ))}
        <tr data-testid="benchmark-overall">
          <th scope="row">Overall</th>
          <td>{sideText(overall.with)}</td>
          <td>{sideText(overall.without)}</td>
          <td>{deltaText(overall.delta)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function TriggerFigures({ trigger }: { trigger: NonNullable<EvalResult["trigger"]> }) {
  const collisions = trigger.collisions.map((c) => `${c.skill} (${c.count})`).join(", ") || "none";
  return (
    <div className="stack" data-testid="trigger-figures">
      <p>
        Precision {percent(trigger.precision)}, recall {percent(trigger.recall)}, errors {triggerErrorsText(trigger)}.
      </p>
      <p>Collides with: {collisions}</p>
    </div>
  );
}

export const UsageLine = ({ usage }: { usage: EvalResult["usage"] }) => (
  <p className="muted" data-testid="eval-usage">
    {usageLine(usage)}
  </p>
);

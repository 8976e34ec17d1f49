const PHASES = [
  { id: "understanding", label: "Understanding" },
  { id: "generation", label: "Generation" },
  { id: "validation", label: "Validation" },
] as const;

const FINISHED = new Set(["completed", "pending_review"]);

function phaseState(index: number, current: number, status: string): "done" | "current" | "todo" {
  if (FINISHED.has(status) || index < current) return "done";
  return index === current ? "current" : "todo";
}

/** The three phases with the current one marked, and the progress bar with its percent. */
export function PhaseStepper({ phase, progress, status }: { phase: string | null; progress: number; status: string }) {
  const current = Math.max(
    0,
    PHASES.findIndex((p) => p.id === phase?.toLowerCase()),
  );
  const percent = FINISHED.has(status) ? 100 : Math.round(progress);
  return (
    <div className="stack" aria-label="Progress">
      <ol className="stepper">
        {PHASES.map((p, i) => {
          const state = phaseState(i, current, status);
          return (
            <li key={p.id} className={`step-${state}`} aria-current={state === "current" ? "step" : undefined}>
              <span className="step-dot" aria-hidden="true">
                {state === "done" ? "✓" : i + 1}
              </span>{" "}
              {p.label}
            </li>
          );
        })}
      </ol>
      <div className="row">
        <div
          className="progress-track"
          role="progressbar"
          aria-label="Job progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <span data-testid="progress-percent" style={{ minWidth: "3.5rem", textAlign: "right" }}>
          {percent}%
        </span>
      </div>
    </div>
  );
}

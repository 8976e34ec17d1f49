import type { AnswerState } from "./use-answer";

/** Under a checkpoint form: still trying to send (the server is away), or why the answer was not taken. */
export function AnswerStatus({ answer }: { answer: AnswerState }) {
  if (answer.retrying)
    return (
      <p className="alert alert-warn" role="status" data-testid="answer-retrying">
        Sending… the server is not answering yet. Your answer goes out as soon as it is back; keep this page open.
      </p>
    );
  if (!answer.error) return null;
  return (
    <p className="alert alert-error" role="alert">
      {answer.error}
    </p>
  );
}

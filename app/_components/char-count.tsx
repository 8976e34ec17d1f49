/**
 * A text field's length against its limit. Over the limit it says by how much, in the error colour; the form
 * refuses to send until it fits (the server's limits, never a silent cut).
 */
export function CharCount({ id, length, max, testId }: { id: string; length: number; max: number; testId?: string }) {
  const over = length - max;
  return (
    <span id={id} className={over > 0 ? "hint counter counter-over" : "hint counter"} data-testid={testId}>
      {over > 0
        ? `${over.toLocaleString("en")} characters over the limit of ${max.toLocaleString("en")}`
        : `${length.toLocaleString("en")} / ${max.toLocaleString("en")}`}
    </span>
  );
}

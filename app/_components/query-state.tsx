"use client";

/**
 * What a query shows before it has data: its error as an alert, or a busy "Loading…". Null once there is data, so
 * a component reads `const waiting = queryState(query); if (waiting) return waiting;`.
 */
export function queryState(query: { isError: boolean; error: { message: string } | null; data: unknown }) {
  if (query.isError)
    return (
      <p className="alert alert-error" role="alert">
        {query.error?.message}
      </p>
    );
  if (query.data === undefined)
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  return null;
}

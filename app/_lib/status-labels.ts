/** Job statuses in words a user reads (the raw value stays in the data attributes and the API). */
export const STATUS_LABELS: Record<string, string> = {
  pending: "queued",
  running: "running",
  pending_user_input: "needs your answers",
  pending_hitl: "needs your review",
  pending_review: "finished, needs review",
  completed: "completed",
  failed: "failed",
  cancelled: "cancelled",
};

export const statusLabel = (status: string): string => STATUS_LABELS[status] ?? status.replaceAll("_", " ");

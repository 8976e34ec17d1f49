import type { PrismaClient } from "../../../db/client";

/**
 * What people say about an eval's outputs (docs/evals.md, Feedback): one row per output (case, side, run) and
 * person, replaced when written again. Kept apart from the job's result, so feedback never changes the figures.
 */
export type FeedbackSide = "with" | "without";
export type FeedbackRating = "good" | "bad";

/** Which output of which eval job, and whose feedback. */
export interface EvalOutputKey {
  jobId: string;
  caseId: string;
  side: FeedbackSide;
  run: number;
  userId: string;
}

export interface EvalFeedbackRecord extends EvalOutputKey {
  rating: FeedbackRating | null;
  note: string;
  updatedAt: Date;
}

export interface EvalFeedback {
  /** Writes the person's feedback on one output, replacing what they wrote before; returns the stored row. */
  save(feedback: Omit<EvalFeedbackRecord, "updatedAt">): Promise<EvalFeedbackRecord>;
  /** The person's feedback on a job's outputs, in case, side and run order. */
  list(jobId: string, userId: string): Promise<EvalFeedbackRecord[]>;
}

interface FeedbackRow {
  jobId: string;
  caseId: string;
  side: string;
  run: number;
  userId: string;
  rating: string | null;
  note: string;
  updatedAt: Date;
}

/** Only save() writes these columns, with the values its type allows; anything else reads as no rating. */
function recordOf(row: FeedbackRow): EvalFeedbackRecord {
  return {
    ...row,
    side: row.side === "without" ? "without" : "with",
    rating: row.rating === "good" || row.rating === "bad" ? row.rating : null,
  };
}

export function prismaEvalFeedback(prisma: PrismaClient): EvalFeedback {
  return {
    async save({ rating, note, ...key }) {
      const row = await prisma.evalFeedback.upsert({
        where: { jobId_caseId_side_run_userId: key },
        create: { ...key, rating, note },
        update: { rating, note },
      });
      return recordOf(row);
    },
    async list(jobId, userId) {
      const rows = await prisma.evalFeedback.findMany({
        where: { jobId, userId },
        orderBy: [{ caseId: "asc" }, { side: "asc" }, { run: "asc" }],
      });
      return rows.map(recordOf);
    },
  };
}

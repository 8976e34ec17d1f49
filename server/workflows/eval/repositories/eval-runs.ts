import type { PrismaClient } from "../../../db/client";

/**
 * Finished eval jobs of a skill (docs/evals.md, Results): the latest for the library page, and the one before a
 * given run for the comparison. Eval results live in the job's result JSON; no table of their own.
 */
export interface EvalRunRecord {
  jobId: string;
  result: unknown;
  createdAt: Date;
}

export interface EvalRuns {
  /** The owner's completed evals of the skill, newest first, created before `before` when given. */
  recent(ownerId: string, skillPath: string, options?: { before?: Date; limit?: number }): Promise<EvalRunRecord[]>;
}

export function prismaEvalRuns(prisma: PrismaClient): EvalRuns {
  return {
    async recent(ownerId, skillPath, { before, limit = 1 } = {}) {
      const rows = await prisma.job.findMany({
        where: {
          ownerId,
          workflow: "eval",
          status: "completed",
          options: { path: ["skillPath"], equals: skillPath },
          ...(before ? { createdAt: { lt: before } } : {}),
        },
        orderBy: { createdAt: "desc" },
        take: limit,
        select: { id: true, result: true, createdAt: true },
      });
      return rows.map((row) => ({ jobId: row.id, result: row.result, createdAt: row.createdAt }));
    },
  };
}

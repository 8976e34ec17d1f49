import type { PrismaClient } from "../../../db/client";
import { prismaCode } from "../../../durable/repositories/json";

/**
 * The decision on an eval's proposed description (docs/evals.md, Description tuning). The row is claimed before the
 * new version is saved: its primary key lets one decision through when two race, and a save that fails gives the
 * claim back, so a decision is recorded exactly when it took effect.
 */
export type DescriptionDecision = "accept" | "reject";

export interface DecisionRecord {
  jobId: string;
  decision: DescriptionDecision;
  description: string;
  versionId: string | null;
  versionNumber: number | null;
  decidedBy: string;
  decidedAt: Date;
}

export interface EvalDecisions {
  /** Records the decision unless one exists; false when another was recorded first. */
  claim(input: {
    jobId: string;
    decision: DescriptionDecision;
    description: string;
    decidedBy: string;
  }): Promise<boolean>;
  /** The version an accepted description was saved as. */
  settle(jobId: string, version: { id: string; number: number | null }): Promise<void>;
  /** Takes back a claim whose save failed. */
  release(jobId: string): Promise<void>;
  find(jobId: string): Promise<DecisionRecord | null>;
}

const asDecision = (value: string): DescriptionDecision => (value === "accept" ? "accept" : "reject");

export function prismaEvalDecisions(prisma: PrismaClient): EvalDecisions {
  const table = prisma.evalDescriptionDecision;
  return {
    async claim(input) {
      try {
        await table.create({ data: input });
        return true;
      } catch (error) {
        if (prismaCode(error) === "P2002") return false;
        throw error;
      }
    },
    async settle(jobId, version) {
      await table.update({ where: { jobId }, data: { versionId: version.id, versionNumber: version.number } });
    },
    async release(jobId) {
      await table.deleteMany({ where: { jobId } });
    },
    async find(jobId) {
      const row = await table.findUnique({ where: { jobId } });
      return row ? { ...row, decision: asDecision(row.decision) } : null;
    },
  };
}

import type { PrismaClient } from "../../db/client";
import { prismaCheckpointRepository } from "./checkpoint-repository";
import type { Repositories } from "./contracts";
import { prismaEventRepository } from "./event-repository";
import { prismaJobRepository } from "./job-repository";
import { prismaStepRepository } from "./step-repository";

export type { Repositories } from "./contracts";

export function prismaRepositories(prisma: PrismaClient): Repositories {
  return {
    jobs: prismaJobRepository(prisma),
    steps: prismaStepRepository(prisma),
    checkpoints: prismaCheckpointRepository(prisma),
    events: prismaEventRepository(prisma),
  };
}

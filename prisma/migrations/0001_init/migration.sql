-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('pending', 'running', 'pending_user_input', 'pending_hitl', 'pending_review', 'completed', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "StepStatus" AS ENUM ('running', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "CheckpointStatus" AS ENUM ('pending', 'answered', 'cancelled', 'expired', 'superseded');

-- CreateTable
CREATE TABLE "Job" (
    "id" UUID NOT NULL,
    "ownerId" VARCHAR(128) NOT NULL DEFAULT 'default',
    "requestId" VARCHAR(128),
    "task" TEXT NOT NULL,
    "options" JSONB NOT NULL DEFAULT '{}',
    "engine" VARCHAR(128) NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'pending',
    "phase" VARCHAR(32),
    "progress" INTEGER NOT NULL DEFAULT 0,
    "progressMessage" TEXT,
    "context" JSONB NOT NULL DEFAULT '{}',
    "result" JSONB,
    "error" TEXT,
    "intendedPath" VARCHAR(512),
    "draftPath" VARCHAR(1024),
    "finalPath" VARCHAR(1024),
    "promoted" BOOLEAN NOT NULL DEFAULT false,
    "validationPassed" BOOLEAN,
    "validationScore" DOUBLE PRECISION,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "leaseOwner" VARCHAR(128),
    "leaseExpiresAt" TIMESTAMPTZ(3),
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobStep" (
    "id" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "key" VARCHAR(256) NOT NULL,
    "status" "StepStatus" NOT NULL,
    "output" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),
    "durationMs" INTEGER,
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "totalTokens" INTEGER,

    CONSTRAINT "JobStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Checkpoint" (
    "id" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "key" VARCHAR(256) NOT NULL,
    "type" VARCHAR(32) NOT NULL,
    "prompt" JSONB NOT NULL,
    "status" "CheckpointStatus" NOT NULL DEFAULT 'pending',
    "response" JSONB,
    "answeredBy" VARCHAR(128),
    "answeredAt" TIMESTAMPTZ(3),
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Checkpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobEvent" (
    "jobId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" VARCHAR(32) NOT NULL,
    "phase" VARCHAR(32),
    "message" TEXT NOT NULL DEFAULT '',
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobEvent_pkey" PRIMARY KEY ("jobId","seq")
);

-- CreateIndex
CREATE INDEX "Job_status_createdAt_idx" ON "Job"("status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Job_createdAt_idx" ON "Job"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "Job_ownerId_createdAt_idx" ON "Job"("ownerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Job_status_leaseExpiresAt_idx" ON "Job"("status", "leaseExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Job_ownerId_requestId_key" ON "Job"("ownerId", "requestId");

-- CreateIndex
CREATE INDEX "JobStep_jobId_startedAt_idx" ON "JobStep"("jobId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "JobStep_jobId_key_key" ON "JobStep"("jobId", "key");

-- CreateIndex
CREATE INDEX "Checkpoint_status_deadline_idx" ON "Checkpoint"("status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "Checkpoint_jobId_key_key" ON "Checkpoint"("jobId", "key");

-- AddForeignKey
ALTER TABLE "JobStep" ADD CONSTRAINT "JobStep_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Checkpoint" ADD CONSTRAINT "Checkpoint_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobEvent" ADD CONSTRAINT "JobEvent_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

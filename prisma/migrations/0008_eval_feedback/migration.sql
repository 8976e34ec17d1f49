-- CreateTable
CREATE TABLE "EvalFeedback" (
    "jobId" UUID NOT NULL,
    "caseId" VARCHAR(128) NOT NULL,
    "side" VARCHAR(16) NOT NULL,
    "run" INTEGER NOT NULL,
    "userId" VARCHAR(128) NOT NULL,
    "rating" VARCHAR(8),
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvalFeedback_pkey" PRIMARY KEY ("jobId","caseId","side","run","userId")
);

-- CreateTable
CREATE TABLE "EvalDescriptionDecision" (
    "jobId" UUID NOT NULL,
    "decision" VARCHAR(8) NOT NULL,
    "description" TEXT NOT NULL,
    "versionId" UUID,
    "versionNumber" INTEGER,
    "decidedBy" VARCHAR(128) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvalDescriptionDecision_pkey" PRIMARY KEY ("jobId")
);

-- AddForeignKey
ALTER TABLE "EvalFeedback" ADD CONSTRAINT "EvalFeedback_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvalDescriptionDecision" ADD CONSTRAINT "EvalDescriptionDecision_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

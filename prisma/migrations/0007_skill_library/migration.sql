-- CreateEnum
CREATE TYPE "SkillVersionOrigin" AS ENUM ('job', 'import', 'edit', 'improve');

-- CreateTable
CREATE TABLE "Skill" (
    "id" UUID NOT NULL,
    "path" VARCHAR(400) NOT NULL,
    "name" VARCHAR(128) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "category" VARCHAR(400) NOT NULL DEFAULT '',
    "tags" JSONB NOT NULL DEFAULT '[]',
    "headNumber" INTEGER NOT NULL DEFAULT 0,
    "deletedAt" TIMESTAMPTZ(3),
    "deletedBy" VARCHAR(128),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Skill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkillVersion" (
    "id" UUID NOT NULL,
    "skillId" UUID NOT NULL,
    "number" INTEGER,
    "parentId" UUID,
    "authorId" VARCHAR(128) NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "origin" "SkillVersionOrigin" NOT NULL,
    "jobId" UUID,
    "name" VARCHAR(128) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "validation" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SkillVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkillVersionFile" (
    "versionId" UUID NOT NULL,
    "path" VARCHAR(512) NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,

    CONSTRAINT "SkillVersionFile_pkey" PRIMARY KEY ("versionId","path")
);

-- CreateTable
CREATE TABLE "SkillBlob" (
    "sha256" VARCHAR(64) NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "SkillBlob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "SkillDraft" (
    "jobId" UUID NOT NULL,
    "skillId" UUID NOT NULL,
    "baseNumber" INTEGER NOT NULL DEFAULT 0,
    "headVersionId" UUID NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "promotedNumber" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SkillDraft_pkey" PRIMARY KEY ("jobId")
);

-- CreateTable
CREATE TABLE "LibraryMarker" (
    "key" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LibraryMarker_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Skill_path_key" ON "Skill"("path");

-- CreateIndex
CREATE INDEX "Skill_category_idx" ON "Skill"("category");

-- CreateIndex
CREATE INDEX "SkillVersion_jobId_idx" ON "SkillVersion"("jobId");

-- CreateIndex
CREATE UNIQUE INDEX "SkillVersion_skillId_number_key" ON "SkillVersion"("skillId", "number");

-- CreateIndex
CREATE INDEX "SkillVersionFile_sha256_idx" ON "SkillVersionFile"("sha256");

-- AddForeignKey
ALTER TABLE "SkillVersion" ADD CONSTRAINT "SkillVersion_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillVersion" ADD CONSTRAINT "SkillVersion_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "SkillVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillVersionFile" ADD CONSTRAINT "SkillVersionFile_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SkillVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillVersionFile" ADD CONSTRAINT "SkillVersionFile_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "SkillBlob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

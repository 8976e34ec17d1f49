-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "workflow" VARCHAR(64) NOT NULL DEFAULT 'skill';

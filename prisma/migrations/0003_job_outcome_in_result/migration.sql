-- The durable engine knows nothing of skills (docs/architecture.md): the skill workflow's outcome columns move
-- into the job's `result`, which the workflow owns. Values already in `result` (path, score, passed) win; the
-- draft and promotion facts, which only lived in columns, are copied over before the columns go.
UPDATE "Job"
SET "result" = jsonb_strip_nulls(jsonb_build_object(
      'path', "intendedPath",
      'score', "validationScore",
      'passed', "validationPassed",
      'draftPath', "draftPath",
      'finalPath', "finalPath",
      'promoted', CASE WHEN "promoted" THEN TRUE END
    )) || COALESCE("result", '{}'::jsonb)
WHERE "intendedPath" IS NOT NULL
   OR "draftPath" IS NOT NULL
   OR "finalPath" IS NOT NULL
   OR "promoted"
   OR "validationPassed" IS NOT NULL
   OR "validationScore" IS NOT NULL;

-- AlterTable
ALTER TABLE "Job" DROP COLUMN "draftPath",
DROP COLUMN "finalPath",
DROP COLUMN "intendedPath",
DROP COLUMN "promoted",
DROP COLUMN "validationPassed",
DROP COLUMN "validationScore";

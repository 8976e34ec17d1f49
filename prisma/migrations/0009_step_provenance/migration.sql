-- Who wrote each step's output (model, fallback, offline), the requests it took and its tokens (docs/models.md).
ALTER TABLE "JobStep" ADD COLUMN "provenance" JSONB;

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import { createWorkflowContext, type WorkflowContext } from "../../../server/durable/engine";
import type { JobSystem } from "../../../server/durable/job-system";
import { readProvenance } from "../../../contracts/provenance";
import { offlineRequirements } from "../../../server/llm/offline/requirements";
import { analyzeIntent } from "../../../server/llm/steps/analyze-intent";
import { modelStep } from "../../../server/workflows/kit/model-step";
import { openTestDatabase } from "../../support/db";
import { NO_OPTIONS, testJobSystem } from "../../support/jobs";

/**
 * The kit's model step replays a stored output only while it still fits the step's output schema (docs/models.md):
 * after a deploy changes a step's output shape, the old JSON is not cast into the new type; the step runs again and
 * its new output (and provenance) replaces the old one.
 */
let db: Database;
let system: JobSystem;
const task = "Write a skill for reviewing Python pull requests for security issues.";
const input = { taskDescription: task, requirements: offlineRequirements(task) };

beforeAll(async () => {
  db = await openTestDatabase();
  system = testJobSystem(db);
});
afterAll(async () => {
  await system.runner.stop();
  await db.close();
});

async function runOf(jobId: string): Promise<WorkflowContext> {
  const job = await system.store.get(jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  const deps = { ...system, steps: system.repos.steps, checkpoints: system.repos.checkpoints };
  return createWorkflowContext({ ...deps, checkpointTimeoutMs: 60_000 }, job, new AbortController().signal);
}

const stepRow = (jobId: string) =>
  db.prisma.jobStep.findUniqueOrThrow({ where: { jobId_key: { jobId, key: "understanding#1/intent" } } });

describe("replayed step outputs are checked against the step's schema", () => {
  it("replays a stored output that fits, without running the step again", async () => {
    const job = await system.store.create({ ...jobFields(), task });
    const first = await modelStep(await runOf(job.id), "understanding#1/intent", analyzeIntent, input);
    const again = await modelStep(await runOf(job.id), "understanding#1/intent", analyzeIntent, input);
    expect(again.output).toEqual(first.output);
    expect((await stepRow(job.id)).attempts).toBe(1);
    expect(again.provenance).toMatchObject({ step: "analyzeIntent", source: "offline" });
  });

  it("runs the step again when its stored output no longer fits the schema, and stores the new output", async () => {
    const job = await system.store.create({ ...jobFields(), task });
    await modelStep(await runOf(job.id), "understanding#1/intent", analyzeIntent, input);
    // The shape an older release stored: `successCriteria` was a string then.
    const old = { ...((await stepRow(job.id)).output as object), successCriteria: "ship it" };
    await db.prisma.jobStep.update({
      where: { jobId_key: { jobId: job.id, key: "understanding#1/intent" } },
      data: { output: old },
    });
    const replayed = await modelStep(await runOf(job.id), "understanding#1/intent", analyzeIntent, input);
    expect(Array.isArray(replayed.output.successCriteria)).toBe(true);
    const row = await stepRow(job.id);
    expect(row.attempts).toBe(2);
    expect(analyzeIntent.output.safeParse(row.output).success).toBe(true);
    expect(readProvenance(row.provenance)?.source).toBe("offline");
  });
});

function jobFields() {
  return { ownerId: "default", requestId: null, options: NO_OPTIONS, engine: "offline", workflow: "demo" };
}

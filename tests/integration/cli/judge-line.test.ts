import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkflowHarness, type WorkflowHarness } from "../../support/workflow-harness";
import { jobIdFrom, runCli } from "./cli-process";

/**
 * The model judge's line in `create` and `show`: the real binary against the real tRPC endpoint over HTTP (the
 * in-process workflow harness), with the scripted model judging, failing to judge, and no model at all. The line
 * must carry the judge's own figures from the job's validation report, or say why there are none.
 */
let h: WorkflowHarness;
let env: Record<string, string>;
const TASK = "Create a skill for debugging flaky Playwright tests in CI pipelines, with traces and retries";

beforeAll(async () => {
  h = await startWorkflowHarness();
  env = { SKILL_FLEET_URL: h.app.url };
});
afterAll(async () => h?.close());

/** The judge as the job's validation report recorded it: what the CLI must print, never made up. */
async function recordedJudge(jobId: string) {
  const job = await h.client.jobs.get.query({ jobId });
  const judge = job.result?.validation?.quality?.judge;
  if (!judge) throw new Error(`job ${jobId} has no judge in its validation report`);
  return judge;
}

async function createAndShow(model: string | null, extra: Record<string, string> = {}) {
  h.useModel(model, extra);
  const created = await runCli(["create", TASK, "--auto-approve"], env);
  expect(created.stderr).toBe("");
  const jobId = jobIdFrom(created.stdout);
  const shown = await runCli(["show", jobId], env);
  expect(shown.code).toBe(0);
  return { jobId, created: created.stdout, shown: shown.stdout };
}

describe("the model judge's line", () => {
  it("prints the judge's engine, score, correctness risk and summary when a model judged the skill", async () => {
    const { jobId, created, shown } = await createAndShow("scripted:happy");
    const judge = await recordedJudge(jobId);
    if (judge.status !== "measured") throw new Error(`expected a measured judge, got ${JSON.stringify(judge)}`);
    expect(judge.engine).toMatch(/scripted/);
    const line =
      `  judge:   model judge (${judge.engine}): ${judge.score.toFixed(2)}, ` +
      `correctness risk ${judge.correctnessRisk.toFixed(2)}. ${judge.summary}\n`;
    expect(line).toContain("correctness risk 0.10. Scripted judge: specific and actionable.");
    expect(created).toContain(line);
    expect(shown).toContain(line);
  });

  it("says the judge failed, with no figures, when the model's judge call failed", async () => {
    const { jobId, created, shown } = await createAndShow("scripted:failing-judge", {
      SKILL_FLEET_ALLOW_LLM_FALLBACK: "true",
    });
    expect(await recordedJudge(jobId)).toMatchObject({ status: "failed" });
    const line = "  judge:   model judge failed: The model judge failed, so it did not contribute to the score.\n";
    for (const output of [created, shown]) {
      expect(output).toContain(line);
      expect(output).not.toMatch(/model judge \(/);
    }
  });

  it("offline, says no model judge ran, and never shows a judge's figures", async () => {
    const { jobId, created, shown } = await createAndShow(null);
    expect(await recordedJudge(jobId)).toMatchObject({ status: "not_run" });
    const line = "  judge:   model judge did not run: No model is configured, so the model judge did not run.\n";
    for (const output of [created, shown]) {
      expect(output).toContain(line);
      expect(output).not.toMatch(/model judge \(/);
    }
  });
});

describe("who wrote each step, in create and show", () => {
  it("a plan that fell back is named as a fallback as it ends, and show says why the job waits for review", async () => {
    const { jobId, created, shown } = await createAndShow("scripted:plan-fallback", {
      SKILL_FLEET_ALLOW_LLM_FALLBACK: "true",
    });
    const job = await h.client.jobs.get.query({ jobId });
    expect(job.status).toBe("pending_review");
    // As the plan step ends: its source and its three requests (two re-asks), not "model".
    expect(created).toMatch(
      /plan@1 .*\n {6}fallback \(offline engine\) after scripted:plan-fallback failed · 3 requests \(2 re-asks\): Step synthesizePlan returned output that does not match its schema/,
    );
    for (const output of [created, shown]) {
      expect(output).toContain(`  review:  ${job.result?.reviewReason ?? "(none)"}`);
      expect(output).toMatch(/ {2}fallback: synthesizePlan \(understanding#1\/plan@1\) on scripted:plan-fallback: /);
    }
    // Steps the model did write say so, with their one request.
    expect(created).toMatch(/requirements .*\n {6}model scripted:plan-fallback · 1 request\n/);
  });
});

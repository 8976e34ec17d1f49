import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeClient } from "../../support/trpc-client";
import { startWorkflowHarness, type WorkflowHarness } from "../../support/workflow-harness";
import { CliProcess, jobIdFrom, runCli } from "./cli-process";

/**
 * `skill-fleet create` as a user runs it: the real binary in a child process against the real tRPC endpoint over
 * HTTP/SSE (the in-process workflow harness), checkpoints answered through stdin.
 */
let h: WorkflowHarness;
let env: Record<string, string>;
const TASK = "Create a skill for debugging flaky Playwright tests in CI pipelines, with traces and retries";

beforeAll(async () => {
  h = await startWorkflowHarness();
  env = { SKILL_FLEET_URL: h.app.url };
});
afterAll(async () => h?.close());

const job = (jobId: string) => h.client.jobs.get.query({ jobId });

describe("create --auto-approve", () => {
  it("follows the job to completion, exits 0 and leaves a draft on disk", async () => {
    h.useModel("scripted:happy");
    const run = await runCli(["create", TASK, "--auto-approve", "--confirm-plan", "--preview", "--review"], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const jobId = jobIdFrom(run.stdout);
    for (const phase of ["Understanding", "Generation", "Validation"]) expect(run.stdout).toContain(`▸ ${phase}`);
    expect(run.stdout).toMatch(/✓ understanding#1\/requirements \(\d+(\.\d)? (ms|s)(, \d+ tokens)?\)/);
    expect(run.stdout).toMatch(/answered: .*confirm/i);
    const final = await job(jobId);
    expect(final.status).toBe("completed");
    expect(run.stdout).toContain(`Job ${jobId}: completed`);
    expect(run.stdout).toMatch(/verdict: Passed: content quality \d\.\d\d \(pass mark [\d.]+\)/);
    expect(run.stdout).toContain(`draft:   ${final.draftPath}`);
    expect(run.stdout).toContain(`name:    ${final.result?.name}`);
    // Responses name the draft relative to the skills root (no absolute server paths; docs/security.md).
    expect(final.draftPath).toMatch(new RegExp(`^_drafts/${jobId}/`));
    await expect(fs.readFile(path.join(h.skillsRoot, final.draftPath ?? "", "SKILL.md"), "utf8")).resolves.toMatch(
      /^---\nname: /,
    );
  });

  it("offline, the result is labelled a scaffold, says why it did not pass and what to do next (exit 2)", async () => {
    h.useModel(null);
    const run = await runCli(["create", TASK, "--auto-approve"], env);
    expect(run.code).toBe(2);
    const jobId = jobIdFrom(run.stdout);
    expect(run.stdout).toContain(`Job ${jobId}: pending_review · Scaffold (offline)`);
    expect(run.stdout).toMatch(
      /verdict: Did not pass: content quality \d\.\d\d is below the pass mark [\d.]+; it is an unfinished scaffold/,
    );
    expect(run.stdout).toMatch(/✗ Template residue 0\.\d\d \(bar 0\.5\)/);
    expect(run.stdout).toMatch(/SKILL\.md:\d+ {2}"\[FILL IN: /);
    expect(run.stdout).toMatch(/next: {4}.*SKILL_FLEET_MODEL=provider:model/);
    expect(run.stdout).not.toMatch(/0 errors, 0 warnings/);
  });

  it("as another --user (the event stream carries the identity too); pending_review exits 2 and promotes only with --force", async () => {
    h.useModel("scripted:poor-quality");
    const run = await runCli(["--user", "cli-user", "create", TASK, "--auto-approve"], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(2);
    const jobId = jobIdFrom(run.stdout);
    expect(run.stdout).toContain(`Job ${jobId}: pending_review`);
    expect(run.stdout).toContain(`promote: skill-fleet promote ${jobId} --force`);
    expect((await nodeClient(h.app.url, "cli-user").jobs.get.query({ jobId })).status).toBe("pending_review");
    const refused = await runCli(["--user", "cli-user", "promote", jobId], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: .+\(PRECONDITION_FAILED\)\n$/);
    const forced = await runCli(["--user", "cli-user", "promote", jobId, "--force"], env);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^promoted to \S+\n$/);
  });

  it("--json prints the final job as JSON on stdout and the progress on stderr; --stream shows tokens", async () => {
    h.useModel("scripted:happy");
    // Tokens are live only (never stored): the plan checkpoint holds the job until the CLI is surely listening.
    const run = await runCli(["create", TASK, "--auto-approve", "--confirm-plan", "--json", "--stream"], env);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { id: string; status: string; result: { name: string } };
    expect(printed.status).toBe("completed");
    expect(run.stderr).toContain(`Job ${printed.id} created`);
    expect(run.stderr).toContain("▸ Generation");
    // Streamed tokens are the SKILL.md being written: its frontmatter shows up in the progress output.
    expect(run.stderr).toMatch(new RegExp(`^name: ${printed.result.name}$`, "m"));
  });
});

/** Waits for the n-th question of a clarify round and answers it: an option number, or text when it takes text. */
async function answerQuestion(cli: CliProcess, n: number): Promise<void> {
  await cli.waitFor(/; empty to skip; \/cancel to cancel the job\]\n> /, n);
  const hints = cli.stdout.match(/\[[^\]\n]*empty to skip[^\]\n]*\]/g) ?? [];
  cli.send(hints[n - 1]?.startsWith("[type your answer") ? "Python data pipelines" : "1");
}

describe("create, answering in the terminal", () => {
  it("answers clarifying questions through stdin and completes", async () => {
    h.useModel("scripted:vague");
    const cli = new CliProcess(["create", "Make a skill for my team's stuff"], env);
    await cli.waitFor(/\(1\/\d+\) /);
    const total = Number(/\(1\/(\d+)\)/.exec(cli.stdout)?.[1]);
    expect(total).toBeGreaterThan(0);
    for (let n = 1; n <= total; n++) await answerQuestion(cli, n);
    const run = await cli.exited;
    expect(run.code).toBe(0);
    const jobId = jobIdFrom(run.stdout);
    const timeline = await h.client.jobs.timeline.query({ jobId });
    const clarify = timeline.checkpoints.find((c) => c.type === "clarify");
    const answers = Object.values(
      (clarify?.response as { answers: Record<string, { selected: string[]; text?: string }> }).answers,
    );
    expect(answers).toHaveLength(total);
    expect(answers.some((a) => a.selected.length === 1)).toBe(true);
    expect((await job(jobId)).status).toBe("completed");
  });

  it("structure_fix: the typed name is used; preview and review proceed", async () => {
    h.useModel("scripted:bad-name");
    const cli = new CliProcess(["create", TASK, "--preview", "--review"], env);
    await cli.waitFor(/type the name and description/);
    expect(cli.stdout).toContain("My Skill_Name");
    cli.send("2");
    await cli.waitFor(/name \[My Skill_Name\]: /);
    cli.send("flaky-test-hunter");
    await cli.waitFor(/description \[.*\]: /);
    cli.send("");
    await cli.waitFor(/Preview \(\d+ sections/);
    cli.send("proceed");
    await cli.waitFor(/Validation (passed|did not pass)/);
    cli.send("p");
    const run = await cli.exited;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("name:    flaky-test-hunter");
    expect((await job(jobIdFrom(run.stdout))).result?.name).toBe("flaky-test-hunter");
  });

  it("confirm → revise with feedback asks again; then cancel exits 1 and the job is cancelled", async () => {
    h.useModel(null);
    const cli = new CliProcess(["create", TASK, "--confirm-plan"], env);
    await cli.waitFor(/3\) cancel the job\n> /);
    expect(cli.stdout).toMatch(/Plan:\n[\s\S]*Path: /);
    cli.send("2");
    await cli.waitFor(/What should change\? /);
    cli.send("Cover GitHub Actions only");
    await cli.waitFor(/3\) cancel the job\n> /, 2);
    cli.send("3");
    const run = await cli.exited;
    expect(run.code).toBe(1);
    const jobId = jobIdFrom(run.stdout);
    expect(run.stdout).toContain(`Job ${jobId}: cancelled`);
    expect((await job(jobId)).status).toBe("cancelled");
    const timeline = await h.client.jobs.timeline.query({ jobId });
    expect(timeline.checkpoints.map((c) => c.response)).toEqual([
      { action: "revise", feedback: "Cover GitHub Actions only" },
      { action: "cancel" },
    ]);
  });

  it("Ctrl-C asks, then cancels the job", async () => {
    h.useModel(null);
    const cli = new CliProcess(["create", TASK, "--confirm-plan"], env);
    await cli.waitFor(/3\) cancel the job\n> /);
    cli.interrupt();
    await cli.waitFor(/Cancel job [0-9a-f-]{36}\? \[y\/N\] /);
    cli.send("y");
    const run = await cli.exited;
    expect(run.code).toBe(1);
    expect((await job(jobIdFrom(run.stdout))).status).toBe("cancelled");
  });

  it("Ctrl-C while a step runs: the running job is cancelled and the stream reports it", async () => {
    h.useModel("scripted:slow");
    const cli = new CliProcess(["create", TASK], env);
    await cli.waitFor(/▸ Understanding/);
    cli.interrupt();
    await cli.waitFor(/Cancel job [0-9a-f-]{36}\? \[y\/N\] /);
    cli.send("yes");
    const run = await cli.exited;
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("cancelling…");
    const jobId = jobIdFrom(run.stdout);
    expect(run.stdout).toContain(`Job ${jobId}: cancelled`);
    expect((await job(jobId)).status).toBe("cancelled");
  });

  it("a second Ctrl-C while asking leaves (exit 130) without cancelling the job", async () => {
    h.useModel("scripted:slow");
    const cli = new CliProcess(["create", TASK], env);
    await cli.waitFor(/▸ Understanding/);
    cli.interrupt();
    await cli.waitFor(/Cancel job [0-9a-f-]{36}\? \[y\/N\] /);
    cli.interrupt();
    const run = await cli.exited;
    expect(run.code).toBe(130);
    const jobId = jobIdFrom(run.stdout);
    expect(run.stderr).toContain(`left job ${jobId} on the server`);
    expect((await job(jobId)).status).toBe("running");
    await h.client.jobs.cancel.mutate({ jobId });
  });

  it("end of input at a checkpoint: exits 1 with a clear message and leaves the job waiting", async () => {
    h.useModel(null);
    const run = await runCli(["create", TASK, "--confirm-plan"], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: no more input: the job is still waiting/m);
    expect((await job(jobIdFrom(run.stdout))).status).toBe("pending_hitl");
  });
});

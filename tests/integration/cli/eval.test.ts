import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skillMd } from "../../support/library";
import { startWorkflowHarness, type WorkflowHarness } from "../../support/workflow-harness";
import { runCli } from "./cli-process";

/** `skill-fleet eval` through the real binary against a server with the scripted model (docs/evals.md). */
let h: WorkflowHarness;
let env: Record<string, string>;

beforeAll(async () => {
  h = await startWorkflowHarness();
  h.useModel("scripted:happy");
  env = { SKILL_FLEET_URL: h.app.url };
  const evals = {
    evals: [
      { id: "rollback", prompt: "Undo the deploy", expectations: ["Uses `kubectl rollout undo`"] },
      { id: "generic", prompt: "Say `hello`", assertions: ["Says `hello`"] },
    ],
  };
  const body = "\n# Deploys\n\nRoll back with `kubectl rollout undo deployment/web`.\n";
  await h.client.library.import.mutate({
    path: "ops/cli-evals",
    files: [
      { path: "SKILL.md", text: skillMd("cli-evals", "Use when rolling back a deploy", body) },
      { path: "evals/evals.json", text: JSON.stringify(evals) },
      {
        path: "evals/trigger-evals.json",
        text: JSON.stringify([{ query: "rolling back a deploy now", should_trigger: true }]),
      },
    ],
  });
});
afterAll(async () => h?.close());

const cli = (...args: string[]) => runCli(args, env);

describe("skill-fleet eval", () => {
  it("follows the eval and prints the benchmark table, triggers and usage", async () => {
    const run = await cli("eval", "ops/cli-evals", "--runs", "2");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines).toContain("Eval of ops/cli-evals (version 1) on scripted:happy, 2 runs per case");
    expect(lines.find((l) => l.startsWith("rollback"))).toMatch(/^rollback +100% ± 0% +0% ± 0% +\+100 pts$/);
    expect(lines.find((l) => l.startsWith("generic"))).toMatch(/^generic +100% ± 0% +100% ± 0% +0 pts$/);
    expect(lines.find((l) => l.startsWith("overall"))).toMatch(/^overall +100% ± 0% +50% ± 58% +\+50 pts$/);
    expect(lines).toContain("Triggers: precision 100%, recall 100%, errors 0");
    // 2 cases × 2 runs × 2 sides × (answer + judge) + 1 query × 2 runs
    expect(run.stdout).toMatch(/^18 model calls, \d+ tokens, \d+\.\d s of model time, cost unknown$/m);
  });

  it("--json prints the same figures as data; a bad --runs is refused before anything is sent", async () => {
    const run = await cli("eval", "ops/cli-evals", "--runs", "1", "--json");
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { status: string; result: { usage: { calls: number } } };
    expect([parsed.status, parsed.result.usage.calls]).toEqual(["completed", 9]);
    const bad = await cli("eval", "ops/cli-evals", "--runs", "0");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("a whole number from 1 to 10");
  });

  it("--compare-with runs the baseline with another version; --version picks the one evaluated", async () => {
    await h.client.library.save.mutate({
      path: "ops/cli-evals",
      baseVersion: 1,
      files: [
        {
          path: "SKILL.md",
          text: skillMd("cli-evals", "Use when rolling back a deploy", "\n# Deploys\n\nAsk first.\n"),
        },
        { path: "evals/evals.json", from: "evals/evals.json" },
      ],
      message: "no rollback",
    });
    const run = await cli("eval", "ops/cli-evals", "--version", "1", "--compare-with", "2", "--runs", "1", "--no-tune");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines).toContain("Eval of ops/cli-evals (version 1) on scripted:happy, 1 runs per case");
    expect(lines.find((l) => l.startsWith("case"))).toMatch(/^case +with skill +version 2 +difference$/);
    expect(lines.find((l) => l.startsWith("rollback"))).toMatch(/^rollback +100% +0% +\+100 pts$/);
    expect(run.stdout).not.toContain("Description tuning");
  });
});

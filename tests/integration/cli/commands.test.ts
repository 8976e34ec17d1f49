import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_SKILL_JOB_OPTIONS } from "../../../contracts/skill-job";
import { zipSkill } from "../../../server/skills/archive";
import { startWorkflowHarness, WAITING, waitForJob, type WorkflowHarness } from "../../support/workflow-harness";
import { runCli } from "./cli-process";

/**
 * validate, promote, list, xml, show and the error paths, each through the real binary against the real tRPC
 * endpoint over HTTP (the in-process workflow harness, with the scripted model so jobs complete; the offline
 * engine's scaffolds end pending_review, see create.test.ts).
 */
let h: WorkflowHarness;
let env: Record<string, string>;
let tmp: string;
const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/skills");
const VALID_DIR = path.join(FIXTURES, "valid/csv-summary");
const BROKEN_DIR = path.join(FIXTURES, "broken/spec__description-required/csv-summary");
const TASK = "Create a skill for summarising CSV files with pandas, with column statistics and charts";

beforeAll(async () => {
  h = await startWorkflowHarness();
  h.useModel("scripted:happy");
  env = { SKILL_FLEET_URL: h.app.url };
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "sf-cli-"));
});
afterAll(async () => {
  await h?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(args, env);
const NO_STACK = /^\s+at /m;

async function finishedJob(task = TASK): Promise<string> {
  const { jobId } = await h.client.skills.create.mutate({ task });
  expect((await waitForJob(h.client, jobId, ["completed", "pending_review", "failed", "cancelled"])).status).toBe(
    "completed",
  );
  return jobId;
}

describe("validate", () => {
  it("a good SKILL.md, folder and zip pass (exit 0)", async () => {
    const zip = path.join(tmp, "good.zip");
    await fs.writeFile(zip, await zipSkill(VALID_DIR));
    for (const target of [path.join(VALID_DIR, "SKILL.md"), VALID_DIR, zip]) {
      const run = await cli("validate", target);
      expect(run.code, `${target}\n${run.stdout}${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/^validation: Passed: content quality \d\.\d\d \(pass mark [\d.]+\)/);
      expect(run.stdout).toMatch(
        /^content quality \d\.\d\d \(pass mark [\d.]+\): specificity \d\.\d\d, actionability/m,
      );
      expect(run.stdout).toMatch(/^model judge did not run: /m);
    }
  });

  it("a broken SKILL.md, folder and zip fail (exit 1) with the rule id, tier, severity and line", async () => {
    const zip = path.join(tmp, "broken.zip");
    await fs.writeFile(zip, await zipSkill(BROKEN_DIR));
    for (const target of [path.join(BROKEN_DIR, "SKILL.md"), BROKEN_DIR, zip]) {
      const run = await cli("validate", target);
      expect(run.code, target).toBe(1);
      expect(run.stdout).toMatch(/^validation: Did not pass: 1 specification error/);
      expect(run.stdout).toMatch(/^spec · error \(\d+\)$/m);
      expect(run.stdout).toMatch(/\[spec\/description-required\] (csv-summary\/)?SKILL\.md:3 /);
    }
  });

  it("--json prints the report; a folder's binary file is reported as skipped; a missing path is a clear error", async () => {
    const copy = path.join(tmp, "csv-summary");
    await fs.cp(VALID_DIR, copy, { recursive: true });
    await fs.writeFile(path.join(copy, "references", "logo.bin"), Buffer.from([0x89, 0x50, 0x00, 0x01]));
    const run = await cli("validate", copy, "--json");
    const report = JSON.parse(run.stdout) as {
      passed: boolean;
      findings: { ruleId: string; tier: string; severity: string; message: string; path: string }[];
      scores: Record<string, number>;
    };
    expect(report.passed).toBe(true);
    expect(Object.keys(report.scores)).toEqual(expect.arrayContaining(["overall", "specificity", "templateResidue"]));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("skipped csv-summary/references/logo.bin (not UTF-8 text)");
    const missing = await cli("validate", path.join(tmp, "nope"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`error: no such file or folder: ${path.join(tmp, "nope")}\n`);
  });
});

describe("promote, list, xml, show", () => {
  it("promote puts the draft in the library; a second skill at the same path is refused without --overwrite", async () => {
    const first = await finishedJob();
    const run = await cli("promote", first);
    expect(run.code).toBe(0);
    const promotedPath = /^promoted to (.+)$/m.exec(run.stdout)?.[1] ?? "";
    expect((await h.client.library.get.query({ path: promotedPath })).version.number).toBe(1);
    expect((await h.client.jobs.get.query({ jobId: first })).promoted).toBe(true);

    const second = await finishedJob();
    const refused = await cli("promote", second);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: .+ \(use --overwrite to add it on top as the next version\)$/m);
    expect(refused.stderr).not.toMatch(NO_STACK);
    expect((await h.client.jobs.get.query({ jobId: second })).promoted).toBe(false);
    const overwritten = await cli("promote", second, "--overwrite");
    expect(overwritten.code).toBe(0);
    expect(overwritten.stdout).toBe(`promoted to ${promotedPath}\n`);
    expect((await h.client.library.versions.query({ path: promotedPath })).items.map((v) => v.jobId)).toEqual([
      second,
      first,
    ]);

    const xml = await cli("xml");
    expect(xml.code).toBe(0);
    expect(xml.stdout).toMatch(/^<available_skills>/);
    const name = (await h.client.jobs.get.query({ jobId: second })).result?.name ?? "";
    expect(xml.stdout).toContain(`<name>${name}</name>`);
  });

  it("list shows jobs as a table, filtered by status and text, limited; --json gives the page", async () => {
    const a = await finishedJob("Create a skill for writing zebra-crossing safety reports for city planners");
    const { jobId: b } = await h.client.skills.create.mutate({
      task: "Create a skill for reviewing zebra-crossing designs",
      options: { confirmPlan: true },
    });
    const waitingStatus = (await waitForJob(h.client, b, WAITING)).status;
    const all = await cli("list", "-q", "zebra-crossing");
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout.split("\n")[0]).toMatch(/^ID\s+STATUS\s+SCORE\s+CREATED\s+TASK$/);
    expect(all.stdout).toMatch(new RegExp(`^${b} ${waitingStatus} .*reviewing zebra-crossing`, "m"));
    expect(all.stdout).toMatch(new RegExp(`^${a} completed\\s+\\d\\.\\d\\d .*writing zebra-crossing`, "m"));
    const waiting = await cli("list", "--status", waitingStatus, "-q", "zebra");
    expect(waiting.stdout).toContain(b);
    expect(waiting.stdout).not.toContain(a);
    const page = JSON.parse((await cli("list", "-q", "zebra-crossing", "--limit", "1", "--json")).stdout) as {
      items: { id: string }[];
      nextCursor: string | null;
    };
    expect(page.items.map((i) => i.id)).toEqual([b]);
    expect(page.nextCursor).toBe(b);
    const next = await cli("list", "-q", "zebra-crossing", "--limit", "1", "--cursor", b);
    expect(next.stdout).toContain(a);
    const bad = await cli("list", "--limit", "500");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("a whole number from 1 to 100");
  });

  it("show prints a job; another user's job is refused; jobs are listed per --user", async () => {
    const jobId = await finishedJob();
    const shown = await cli("show", jobId);
    expect(shown.stdout).toContain(`Job ${jobId}: completed`);
    const stranger = await cli("--user", "mallory", "show", jobId);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toBe(`error: Job '${jobId}' not found (NOT_FOUND)\n`);
    expect((await cli("--user", "mallory", "list")).stdout).toBe("no jobs\n");
  });

  it("user and model text is printed without escape sequences or control characters", async () => {
    const task = "Create a skill \u001b[2J\u001b[31mfor red\u0007 alerts\r in terminals";
    // The API refuses control characters in a task (docs/security.md, Input)…
    await expect(h.client.skills.create.mutate({ task })).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
    // …but text stored before that rule, or written by a model, may still hold them: the CLI prints it harmlessly.
    const { job } = await h.system.service.create({
      ownerId: "default",
      task,
      options: { ...NO_SKILL_JOB_OPTIONS, confirmPlan: true },
      engine: "offline",
      workflow: "skill",
    });
    const jobId = job.id;
    await waitForJob(h.client, jobId, WAITING);
    const run = await cli("show", jobId);
    expect(run.stdout).toContain("task:    Create a skill for red alerts\n in terminals");
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

describe("errors", () => {
  async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  it("a server that is down: one clear line, exit 1, for every command", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    for (const args of [
      ["list"],
      ["xml"],
      ["create", TASK, "--auto-approve"],
      ["validate", path.join(VALID_DIR, "SKILL.md")],
    ]) {
      const run = await runCli(["--url", url, ...args], {});
      expect(run.code, args[0]).toBe(1);
      expect(run.stderr).toBe(
        `error: cannot reach Skill Fleet at ${url}: connect ECONNREFUSED 127.0.0.1:${url.split(":").at(-1)}\n`,
      );
      expect(run.stdout).toBe("");
    }
  });

  it("tRPC errors print their message (input problems per field), never a stack; bad options are refused", async () => {
    const notUuid = await cli("show", "not-a-uuid");
    expect(notUuid.code).toBe(1);
    expect(notUuid.stderr).toBe("error: invalid input:\n  jobId: jobId must be a UUID\n");
    const unknown = await cli("promote", "00000000-0000-4000-8000-000000000000");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: .+\(NOT_FOUND\)\n$/);
    const short = await cli("create", "too short", "--auto-approve");
    expect(short.stderr).toBe("error: invalid input:\n  task: task must be at least 10 characters\n");
    for (const run of [notUuid, unknown, short]) expect(run.stderr).not.toMatch(NO_STACK);
    const badUrl = await runCli(["--url", "ftp://x", "list"], {});
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toContain("must be an http(s) URL");
    const badEnv = await runCli(["list"], { SKILL_FLEET_URL: "localhost:3000" });
    expect(badEnv.code).toBe(1);
    expect(badEnv.stderr).toBe(
      'error: the server URL must be an http(s) URL, got "localhost:3000" (--url or SKILL_FLEET_URL)\n',
    );
  });
});

import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateSkillZip } from "../../../server/skills/validator";
import { FINISHED, startWorkflowHarness, waitForJob, type WorkflowHarness } from "../../support/workflow-harness";

/** A finished job's draft: read it, download it as a zip, promote it (force for pending_review, 409 on a clash). */
let h: WorkflowHarness;
const TASK = "Create a skill for writing clear incident postmortems from a Slack thread";

beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.useModel(null));

async function finishedJob(task = TASK): Promise<string> {
  const { jobId } = await h.client.skills.create.mutate({ task });
  await waitForJob(h.client, jobId, FINISHED);
  return jobId;
}

describe("drafts", () => {
  it("drafts.get lists the draft's files, SKILL.md first", async () => {
    const jobId = await finishedJob();
    const draft = await h.client.drafts.get.query({ jobId });
    expect(draft.promoted).toBe(false);
    expect(draft.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(["SKILL.md", "evals/evals.json", "evals/trigger-evals.json", "metadata.json"]),
    );
    expect(draft.files[0]?.path).toBe("SKILL.md");
    expect(draft.files[0]?.content).toMatch(/^---\nname: /);
  });

  it("the archive route serves a zip that is a valid skill", async () => {
    const jobId = await finishedJob();
    const response = await fetch(`${h.app.url}/api/jobs/${jobId}/archive`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const zip = new Uint8Array(await response.arrayBuffer());
    const report = await validateSkillZip(zip);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    const names = Object.keys(unzipSync(zip));
    expect(names.some((n) => n.endsWith("/SKILL.md"))).toBe(true);
    expect(strFromU8(unzipSync(zip)[names.find((n) => n.endsWith("/SKILL.md")) ?? ""] ?? new Uint8Array())).toContain(
      "generated-by: offline",
    );
  });

  it("the archive route refuses a bad id and an unknown job with clear errors", async () => {
    expect((await fetch(`${h.app.url}/api/jobs/not-a-uuid/archive`)).status).toBe(400);
    expect((await fetch(`${h.app.url}/api/jobs/00000000-0000-4000-8000-000000000000/archive`)).status).toBe(404);
  });

  it("promotes a completed job into the library; a second job on the same path gets CONFLICT unless overwrite", async () => {
    // A model-written skill completes; the offline engine's scaffold would end pending_review (see below).
    h.useModel("scripted:happy");
    const first = await finishedJob();
    expect((await h.client.jobs.get.query({ jobId: first })).status).toBe("completed");
    const { path } = await h.client.drafts.promote.mutate({ jobId: first });
    expect((await h.client.library.get.query({ path })).path).toBe(path);
    expect((await h.client.jobs.get.query({ jobId: first })).promoted).toBe(true);
    await expect(h.client.drafts.promote.mutate({ jobId: first })).rejects.toMatchObject({
      data: { code: "CONFLICT" },
    });
    const second = await finishedJob();
    await expect(h.client.drafts.promote.mutate({ jobId: second })).rejects.toMatchObject({
      data: { code: "CONFLICT", details: { currentVersion: 1, changes: expect.any(Array) } },
    });
    expect(await h.client.drafts.promote.mutate({ jobId: second, overwrite: true })).toEqual({ path, version: 2 });
    // Nothing was overwritten: the first job's version is still version 1.
    expect((await h.client.library.versions.query({ path })).items.map((v) => [v.number, v.jobId])).toEqual([
      [2, second],
      [1, first],
    ]);
  });

  it("a pending_review job is promoted only with force", async () => {
    h.useModel("scripted:poor-quality");
    const jobId = await finishedJob("Create a skill for reviewing Terraform plans before apply");
    const job = await h.client.jobs.get.query({ jobId });
    expect(job.status).toBe("pending_review");
    expect(job.result?.passed).toBe(false);
    await expect(h.client.drafts.promote.mutate({ jobId })).rejects.toMatchObject({
      data: { code: "PRECONDITION_FAILED" },
    });
    const { path } = await h.client.drafts.promote.mutate({ jobId, force: true });
    expect((await h.client.library.search.query({ q: "terraform" })).items.map((i) => i.path)).toContain(path);
  });

  it("another user can neither read nor promote the draft", async () => {
    const jobId = await finishedJob();
    const { nodeClient } = await import("../../support/trpc-client");
    const mallory = nodeClient(h.app.url, "mallory");
    await expect(mallory.drafts.get.query({ jobId })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    await expect(mallory.drafts.promote.mutate({ jobId })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});

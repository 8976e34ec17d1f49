import { zipSync, strToU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILL_MARKER } from "@/server/llm/offline/improve";
import { skillMd } from "../../support/library";
import {
  FINISHED,
  startWorkflowHarness,
  waitForCheckpoint,
  waitForJob,
  type WorkflowHarness,
} from "../../support/workflow-harness";

/**
 * The improve workflow over HTTP with the offline engine: from a library skill, a zip or a pasted SKILL.md, with
 * instructions; the preview shows a diff against the original; validation compares the scores; the result is a
 * new version of the same skill, promoted onto the version it started from (CONFLICT when that moved on).
 */
let h: WorkflowHarness;
beforeAll(async () => {
  h = await startWorkflowHarness();
});
afterAll(async () => h.close());

const BODY = "\n# Deploys\n\n## When to Use\n\nUse when shipping.\n\n## Steps\n\n1. Build.\n2. Ship.\n";
const INSTRUCTIONS = "- Add a section about rollback\n- Make the steps more thorough";

async function importSkill(path: string): Promise<void> {
  const files = [
    { path: "SKILL.md", text: skillMd(path.split("/").at(-1) ?? "x", "Use when deploying a service", BODY) },
    { path: "assets/logo.bin", base64: Buffer.from([0, 1, 2, 255]).toString("base64") },
  ];
  await h.client.library.import.mutate({ path, files });
}

async function previewAndProceed(jobId: string): Promise<string> {
  const checkpoint = await waitForCheckpoint(h.client, jobId, "preview");
  const diff = String((checkpoint.prompt as { diff?: unknown }).diff ?? "");
  await h.client.hitl.answer.mutate({ jobId, checkpointId: checkpoint.id, response: { action: "proceed" } });
  return diff;
}

describe("improve (offline engine)", () => {
  it("a library skill: diff at the preview, honest offline changes, scores before/after, promoted as version 2", async () => {
    await importSkill("ops/deploys");
    const { jobId } = await h.client.improve.start.mutate({
      source: { kind: "library", path: "ops/deploys" },
      instructions: INSTRUCTIONS,
    });
    const diff = await previewAndProceed(jobId);
    expect(diff).toContain("+## Rollback");
    expect(diff).toContain(FILL_MARKER);
    expect(diff).toContain("+- [ ] Make the steps more thorough");
    const job = await waitForJob(h.client, jobId, FINISHED);
    expect(job.result?.path).toBe("ops/deploys");
    // Offline, the content instruction is reported as not applied, never as done.
    expect(job.result?.validation?.weaknesses).toEqual(["Not applied: Make the steps more thorough"]);
    const timeline = await h.client.jobs.timeline.query({ jobId });
    expect(timeline.events.some((e) => /Quality score \d\.\d\d → \d\.\d\d/.test(e.message))).toBe(true);

    const draft = await h.client.drafts.get.query({ jobId });
    expect([draft.skillPath, draft.baseNumber]).toEqual(["ops/deploys", 1]);
    expect(draft.files.find((f) => f.path === "assets/logo.bin")).toMatchObject({ binary: true, size: 4 });
    const promoted = await h.client.drafts.promote.mutate({ jobId, force: job.status === "pending_review" });
    expect(promoted).toEqual({ path: "ops/deploys", version: 2 });
    const versions = (await h.client.library.versions.query({ path: "ops/deploys" })).items;
    expect(versions.map((v) => [v.number, v.origin])).toEqual([
      [2, "improve"],
      [1, "import"],
    ]);
    expect(versions[0]?.parentId).toBe(versions[1]?.id);
  });

  it("refuses to promote onto a version that moved on (CONFLICT with the diff) unless overwrite", async () => {
    await importSkill("ops/raced");
    const { jobId } = await h.client.improve.start.mutate({
      source: { kind: "library", path: "ops/raced" },
      instructions: "Add a section about monitoring",
      options: { previewContent: false },
    });
    const job = await waitForJob(h.client, jobId, FINISHED);
    const force = job.status === "pending_review";
    await h.client.library.save.mutate({
      path: "ops/raced",
      baseVersion: 1,
      files: [{ path: "SKILL.md", text: skillMd("raced", "Use when edited meanwhile", BODY) }],
      message: "meanwhile",
    });
    await expect(h.client.drafts.promote.mutate({ jobId, force })).rejects.toMatchObject({
      data: { code: "CONFLICT", details: { currentVersion: 2 } },
    });
    expect(await h.client.drafts.promote.mutate({ jobId, force, overwrite: true })).toEqual({
      path: "ops/raced",
      version: 3,
    });
  });

  it("a pasted SKILL.md and an uploaded zip start improve jobs too (the original kept as the draft's parent)", async () => {
    const pasted = await h.client.improve.start.mutate({
      source: { kind: "skillMd", skillMd: skillMd("pasted-skill", "Use when pasting", BODY) },
      instructions: "Rename the Steps section to Procedure",
      options: { previewContent: false },
    });
    await waitForJob(h.client, pasted.jobId, FINISHED);
    const draft = await h.client.drafts.get.query({ jobId: pasted.jobId });
    expect(draft.skillPath).toBe("pasted-skill");
    expect(draft.files[0]?.content).toContain("## Procedure");
    expect(draft.files[0]?.content).not.toContain("## Steps");

    const zip = zipSync({ "zipped-skill/SKILL.md": strToU8(skillMd("zipped-skill", "Use when zipped", BODY)) });
    const zipped = await h.client.improve.start.mutate({
      source: { kind: "zip", zipBase64: Buffer.from(zip).toString("base64") },
      instructions: "Remove the Steps section",
      options: { previewContent: false },
    });
    await waitForJob(h.client, zipped.jobId, FINISHED);
    const zipDraft = await h.client.drafts.get.query({ jobId: zipped.jobId });
    expect(zipDraft.skillPath).toBe("zipped-skill");
    expect(zipDraft.files[0]?.content).not.toContain("## Steps");
  });

  it("refuses unknown skills and too-short instructions with clear errors", async () => {
    await expect(
      h.client.improve.start.mutate({ source: { kind: "library", path: "ops/missing" }, instructions: "Add things" }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    await expect(
      h.client.improve.start.mutate({ source: { kind: "library", path: "ops/deploys" }, instructions: "x" }),
    ).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
  });
});

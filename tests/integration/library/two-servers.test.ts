import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/server/db/client";
import { createAppServices, libraryOver, type AppServices } from "@/server/services";
import { createCaller } from "@/server/trpc/root";
import { openTestDatabase } from "../../support/db";
import { testJobSystem, waitFor } from "../../support/jobs";
import { tempRoot } from "../../support/library";

/**
 * Several servers share one library: server A runs a skill job and writes its draft; server B (its own job system,
 * services, skills folder and, on PostgreSQL, its own connection pool) opens the draft and edits it; A sees the
 * edit, and A's edit on the old revision is refused with CONFLICT and the diff; B promotes it.
 */
let shared: Database;
let second: Database;
let a: AppServices;
let b: AppServices;

async function server(db: Database): Promise<AppServices> {
  const library = libraryOver(db.prisma, await tempRoot("skill-fleet-server-"));
  const system = testJobSystem(db, { library, runner: { leaseMs: 30_000 } });
  await system.runner.start();
  return createAppServices(system, library);
}

beforeAll(async () => {
  shared = await openTestDatabase();
  second = shared.target.kind === "postgres" ? await openDatabase(shared.target, { migrate: false }) : shared;
  a = await server(shared);
  b = await server(second);
});
afterAll(async () => {
  await a.jobSystem.runner.stop();
  await b.jobSystem.runner.stop();
  if (second !== shared) await second.close();
  await shared.close();
});

const as = (services: AppServices) => createCaller({ caller: "ada", services });

describe("two servers over one database", () => {
  it("a draft written by server A is opened and edited on server B; A's stale edit gets CONFLICT with the diff", async () => {
    const { jobId } = await as(a).skills.create({
      task: "Create a skill for writing clear incident postmortems from a Slack thread",
    });
    const finished = await waitFor(
      async () => {
        const job = await as(a).jobs.get({ jobId });
        if (["failed", "cancelled", "pending_user_input", "pending_hitl"].includes(job.status))
          throw new Error(`the job stopped as ${job.status}: ${job.error ?? ""}`);
        return ["completed", "pending_review"].includes(job.status) && job;
      },
      40_000,
      "the job to finish on server A",
    );
    const onB = await as(b).drafts.get({ jobId });
    expect(onB.revision).toBe(1);
    const skillMd = onB.files.find((file) => file.path === "SKILL.md")?.content ?? "";
    const edited = await as(b).drafts.save({
      jobId,
      revision: 1,
      message: "Edited on B",
      files: onB.files.map((file) =>
        file.path === "SKILL.md"
          ? { path: file.path, text: `${skillMd}\n## Edited On B\n\nMore.\n` }
          : { path: file.path, from: file.path },
      ),
    });
    expect(edited.revision).toBe(2);
    expect((await as(a).drafts.get({ jobId })).files[0]?.content).toContain("## Edited On B");

    const stale = as(a).drafts.save({ jobId, revision: 1, files: [{ path: "SKILL.md", text: skillMd }], message: "" });
    await expect(stale).rejects.toMatchObject({
      code: "CONFLICT",
      cause: {
        details: { currentRevision: 2, changes: [expect.objectContaining({ path: "SKILL.md", status: "modified" })] },
      },
    });

    const promoted = await as(b).drafts.promote({ jobId, force: finished.status === "pending_review" });
    expect(promoted.version).toBe(1);
    const job = await as(a).jobs.get({ jobId });
    expect([job.promoted, job.finalPath, job.finalVersion]).toEqual([true, promoted.path, 1]);
    expect((await as(a).library.get({ path: promoted.path })).content).toContain("## Edited On B");
  });
});

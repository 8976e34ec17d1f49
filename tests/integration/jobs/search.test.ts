import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import {
  createAppServices,
  installAppServices,
  libraryOver,
  stopAppServices,
  type AppServices,
} from "../../../server/services";
import { createCaller } from "../../../server/trpc/root";
import { openTestDatabase } from "../../support/db";
import { testJobSystem } from "../../support/jobs";

/**
 * Job history search (migration 0005_job_search): full-text over the task and the skill's name and description,
 * words in any order and any form, with counts per status. Rows are written straight to the database (the search
 * document is the database's own generated column), then read through the jobs.list procedure.
 */
let db: Database;
let services: AppServices;
const as = (userId: string) => createCaller({ caller: userId, services });

async function insertJob(
  ownerId: string,
  task: string,
  status: "completed" | "failed" | "running" = "completed",
  result?: { name: string; description: string },
): Promise<string> {
  // One second apart, so "newest first" is the order of insertion whatever the clock's resolution.
  const createdAt = new Date(Date.UTC(2025, 0, 1) + 1000 * inserted++);
  const row = await db.prisma.job.create({ data: { ownerId, task, status, engine: "offline", result, createdAt } });
  return row.id;
}

const ids: Record<string, string> = {};
let inserted = 0;

beforeAll(async () => {
  db = await openTestDatabase();
  const library = libraryOver(db.prisma);
  services = createAppServices(testJobSystem(db, { library }), library);
  installAppServices(services);
  ids.drift = await insertJob(
    "ivy",
    "Create a skill that checks Terraform plans for drift before applying",
    "completed",
  );
  ids.named = await insertJob("ivy", "Help the platform team with their infrastructure", "completed", {
    name: "terraform-drift-report",
    description: "Summarises drift between Terraform state and the cloud. Use when reviewing infrastructure.",
  });
  ids.failed = await insertJob("ivy", "Reporting on drifting terraform modules", "failed");
  ids.other = await insertJob("ivy", "Write postmortems from a Slack thread", "running");
  ids.stranger = await insertJob("jack", "Terraform drift for someone else", "completed");
});
afterAll(async () => {
  await stopAppServices();
  await db.close();
});

const found = async (userId: string, q: string, status?: "completed" | "failed") =>
  (await as(userId).jobs.list({ q, status })).items.map((job) => job.id).sort();

describe("jobs.list full-text search", () => {
  it("finds the words in any order and any form, in the task or the skill's name and description", async () => {
    const expected = [ids.drift, ids.named, ids.failed].sort();
    expect(await found("ivy", "drift terraform")).toEqual(expected);
    expect(await found("ivy", "terraform drift")).toEqual(expected);
    // Stemming: "drifting" and "drift" are one word; "reports" finds "report" and "reporting".
    expect(await found("ivy", "reports")).toEqual([ids.named, ids.failed].sort());
    // Only in the skill's description, not in its task.
    expect(await found("ivy", "cloud state")).toEqual([ids.named]);
  });

  it("understands what people type: phrases, exclusions, odd characters, and words that mean nothing", async () => {
    expect(await found("ivy", '"slack thread"')).toEqual([ids.other]);
    expect(await found("ivy", "terraform -report")).toEqual([ids.drift]);
    expect(await found("ivy", "terraform & | ! ( :*")).toEqual([ids.drift, ids.named, ids.failed].sort());
    expect(await found("ivy", "the of and")).toEqual([]);
  });

  it("keeps to the caller's jobs, combines with the status filter, and counts every status for the search", async () => {
    expect(await found("jack", "terraform")).toEqual([ids.stranger]);
    expect(await found("ivy", "terraform", "failed")).toEqual([ids.failed]);
    const page = await as("ivy").jobs.list({ q: "terraform", status: "failed" });
    expect(page.counts).toEqual({
      pending: 0,
      running: 0,
      pending_user_input: 0,
      pending_hitl: 0,
      pending_review: 0,
      completed: 2,
      failed: 1,
      cancelled: 0,
    });
    const all = await as("ivy").jobs.list({});
    expect(all.items).toHaveLength(4);
    expect(all.counts).toMatchObject({ completed: 2, failed: 1, running: 1 });
  });

  it("pages through search results newest first without repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await as("ivy").jobs.list({ q: "terraform", limit: 1, cursor });
      seen.push(...page.items.map((job) => job.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([ids.failed, ids.named, ids.drift]);
  });

  it("recomputes the search document when the job's result arrives", async () => {
    const id = await insertJob("ivy", "Something about queues");
    expect(await found("ivy", "kafka")).toEqual([]);
    await db.prisma.job.update({
      where: { id },
      data: { result: { name: "kafka-consumer-lag", description: "Diagnoses consumer lag" } },
    });
    expect(await found("ivy", "kafka lag")).toEqual([id]);
  });
});

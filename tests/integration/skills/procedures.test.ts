import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/common/env";
import { registerSkill } from "@/server/skills/library";
import { createCaller } from "@/server/trpc/root";
import { zipSkill } from "@/server/skills/archive";
import { GET as archiveRoute } from "@/app/api/library/[...path]/route";
import type { Database } from "@/server/db/client";
import { createAppServices, stopAppServices, installAppServices, type AppServices } from "@/server/services";
import { openTestDatabase } from "../../support/db";
import { testJobSystem } from "../../support/jobs";

/** skills.validate and library.* through the real router (createCaller), on a fresh skills root seeded on first use. */

const VALID_DIR = path.resolve(import.meta.dirname, "../../fixtures/skills/valid/csv-summary");
let root: string;
let db: Database;
let services: AppServices;
const caller = createCaller(() => ({ userId: "default", services }));

async function trpcCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return (error as TRPCError).code;
  }
  throw new Error("expected an error");
}

beforeAll(async () => {
  root = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "skill-procedures-")), "skills");
  process.env.SKILL_FLEET_SKILLS_ROOT = root;
  resetEnvForTests();
  db = await openTestDatabase();
  services = createAppServices(testJobSystem(db));
  installAppServices(services);
});
afterAll(async () => {
  await stopAppServices();
  await db.close();
  delete process.env.SKILL_FLEET_SKILLS_ROOT;
  resetEnvForTests();
  await fs.rm(path.dirname(root), { recursive: true, force: true });
});

describe("skills.validate", () => {
  it("validates pasted content", async () => {
    const content = await fs.readFile(path.join(VALID_DIR, "SKILL.md"), "utf8");
    const report = await caller.skills.validate({ content });
    expect(report).toMatchObject({ passed: true, findings: [] });
    expect(report.scores.reward).toBeGreaterThan(0.5);
    const bad = await caller.skills.validate({ content: content.replace("name: csv-summary", "name: Claude_Helper") });
    expect(bad.passed).toBe(false);
    expect(bad.findings.map((finding) => finding.ruleId)).toEqual(["spec/name-format", "quality/reserved-word"]);
  });

  it("validates a file map and a base64 zip the same way as the folder", async () => {
    const files = { "csv-summary/SKILL.md": await fs.readFile(path.join(VALID_DIR, "SKILL.md"), "utf8") };
    const fromFiles = await caller.skills.validate({ files });
    expect(fromFiles.findings.map((finding) => finding.ruleId)).toEqual([
      "quality/examples-present",
      "quality/broken-link",
      "quality/broken-link",
    ]);
    const zipBase64 = Buffer.from(await zipSkill(VALID_DIR)).toString("base64");
    expect(await caller.skills.validate({ zipBase64 })).toMatchObject({ passed: true, findings: [] });
  });

  it("maps bad input to BAD_REQUEST", async () => {
    expect(await trpcCode(caller.skills.validate({ files: { "../x/SKILL.md": "x" } }))).toBe("BAD_REQUEST");
    expect(await trpcCode(caller.skills.validate({ zipBase64: Buffer.from("nope").toString("base64") }))).toBe(
      "BAD_REQUEST",
    );
    expect(await trpcCode(caller.skills.validate({ content: "x".repeat(2_000_001) }))).toBe("BAD_REQUEST");
  });
});

describe("library.*", () => {
  it("seeds a fresh root and lists it as a tree", async () => {
    const { nodes } = await caller.library.tree();
    const paths = nodes.flatMap((node) => node.children.map((child) => child.path));
    expect(paths).toContain("python/pytest-fixtures");
    expect(paths.length).toBeGreaterThanOrEqual(5);
  });

  it("search, get and xml see a newly registered skill", async () => {
    await registerSkill({
      skillPath: "data/csv-summary",
      skillMd: await fs.readFile(path.join(VALID_DIR, "SKILL.md"), "utf8"),
      metadata: { tags: ["pandas"] },
    });
    expect((await caller.library.search({ q: "pandas" })).items.map((item) => item.path)).toEqual(["data/csv-summary"]);
    const detail = await caller.library.get({ path: "data/csv-summary" });
    expect(detail).toMatchObject({ path: "data/csv-summary", name: "csv-summary", tags: ["pandas"] });
    expect(detail).not.toHaveProperty("dir");
    // The whole folder is validated on the server, findings carry their file.
    expect(detail.validation).toMatchObject({ passed: expect.any(Boolean), findings: expect.any(Array) });
    expect(detail.validation.findings.every((f) => f.path.startsWith("csv-summary/") || f.path === "csv-summary")).toBe(
      true,
    );
    const { xml } = await caller.library.xml();
    expect(xml).toContain(`<location>${path.join(root, "data/csv-summary/SKILL.md")}</location>`);
  });

  it("maps NOT_FOUND and BAD_REQUEST", async () => {
    expect(await trpcCode(caller.library.get({ path: "data/missing" }))).toBe("NOT_FOUND");
    expect(await trpcCode(caller.library.get({ path: "../../etc/passwd" }))).toBe("BAD_REQUEST");
  });
});

describe("GET /api/library/<path>/archive", () => {
  const call = (segments: string[]) =>
    archiveRoute(new Request("http://localhost/api/library"), { params: Promise.resolve({ path: segments }) });

  it("downloads a skill as a zip", async () => {
    const response = await call(["python", "pytest-fixtures", "archive"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="pytest-fixtures.zip"');
    const { unzipSync } = await import("fflate");
    expect(Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer())))).toContain("pytest-fixtures/SKILL.md");
  });

  it("answers 404 and 400 with a message", async () => {
    expect((await call(["python", "nope", "archive"])).status).toBe(404);
    expect((await call(["python", "pytest-fixtures"])).status).toBe(404);
    const bad = await call(["..", "..", "etc", "archive"]);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: expect.stringMatching(/"\." or "\.\."/) });
  });
});

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/server/common/env";
import { createCaller } from "@/server/trpc/root";
import { strToU8, zipSync } from "fflate";
import { zipSkill } from "@/server/skills/archive";
import { GET as archiveRoute } from "@/app/api/library/[...path]/route";
import type { Database } from "@/server/db/client";
import {
  createAppServices,
  libraryOver,
  stopAppServices,
  installAppServices,
  type AppServices,
} from "@/server/services";
import { openTestDatabase } from "../../support/db";
import { testJobSystem } from "../../support/jobs";

/** skills.validate and library.* through the real router (createCaller), on a fresh skills root seeded on first use. */

const VALID_DIR = path.resolve(import.meta.dirname, "../../fixtures/skills/valid/csv-summary");
let root: string;
let db: Database;
let services: AppServices;
const caller = createCaller(() => ({ caller: "default", services }));

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
  const library = libraryOver(db.prisma);
  services = createAppServices(testJobSystem(db, { library }), library);
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
  it("validates pasted content and answers with the contract { passed, findings, scores: { overall, …dimensions } }", async () => {
    const content = await fs.readFile(path.join(VALID_DIR, "SKILL.md"), "utf8");
    const report = await caller.skills.validate({ content });
    expect(report).toMatchObject({ passed: true, findings: [] });
    expect(Object.keys(report.scores).sort()).toEqual(
      [
        "actionability",
        "examples",
        "overall",
        "progressiveDisclosure",
        "specificity",
        "templateResidue",
        "triggerQuality",
      ].sort(),
    );
    expect(report.scores.overall).toBeGreaterThanOrEqual(report.quality.threshold);
    expect(report.quality.judge).toMatchObject({ status: "not_run" });
    const bad = await caller.skills.validate({ content: content.replace("name: csv-summary", "name: Claude_Helper") });
    expect(bad.passed).toBe(false);
    // The name breaks the spec (an error); the reserved word is a claude.ai upload rule (a warning naming it).
    expect(bad.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ["spec/name-format", "error"],
      ["portability/reserved-word", "warning"],
    ]);
    expect(bad.findings[1]?.message).toMatch(/claude\.ai/);
    for (const finding of bad.findings)
      expect(Object.keys(finding).sort()).toEqual(["line", "message", "path", "ruleId", "severity", "tier"]);
  });

  it("validates a file map and a base64 zip the same way as the folder", async () => {
    const files = { "csv-summary/SKILL.md": await fs.readFile(path.join(VALID_DIR, "SKILL.md"), "utf8") };
    const fromFiles = await caller.skills.validate({ files });
    expect(fromFiles.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ["quality/examples-present", "info"],
      ["quality/broken-link", "warning"],
      ["quality/broken-link", "warning"],
    ]);
    const zipBase64 = Buffer.from(await zipSkill(VALID_DIR)).toString("base64");
    const fromZip = await caller.skills.validate({ zipBase64 });
    expect(fromZip).toMatchObject({ passed: true, findings: [] });
    const all = Object.fromEntries(
      await Promise.all(
        ["SKILL.md", "examples/basic.md", "references/columns.md"].map(
          async (file) => [`csv-summary/${file}`, await fs.readFile(path.join(VALID_DIR, file), "utf8")] as const,
        ),
      ),
    );
    expect(await caller.skills.validate({ files: all })).toEqual(fromZip);
  });

  it("accepts a Unicode folder name", async () => {
    const content = (await fs.readFile(path.join(VALID_DIR, "SKILL.md"), "utf8")).replace(
      "name: csv-summary",
      "name: résumé-csv",
    );
    const report = await caller.skills.validate({ files: { "résumé-csv/SKILL.md": content } });
    expect(report.findings.filter((finding) => finding.tier === "spec")).toEqual([]);
  });

  // Bounded time is the test's own timeout: each input is refused or reported without reading it all.
  it("answers hostile input with a finding or BAD_REQUEST, never a 500", async () => {
    const anchors = ["a", "b", "c", "d", "e", "f"].map(
      (name, i, all) =>
        `${name}: &${name} [${
          i === 0
            ? '"lol","lol","lol"'
            : Array(9)
                .fill(`*${all[i - 1]}`)
                .join(",")
        }]`,
    );
    const bomb = await caller.skills.validate({
      content: `---\nname: bomb\ndescription: x\n${anchors.join("\n")}\n---\nbody\n`,
    });
    expect(bomb.findings.map((finding) => finding.ruleId)).toContain("spec/frontmatter-yaml");
    const nested = await caller.skills.validate({
      content: `---\nname: deep\ndescription: x\nm: ${"[".repeat(5000)}${"]".repeat(5000)}\n---\nbody\n`,
    });
    expect(nested.findings.map((finding) => finding.ruleId)).toContain("spec/frontmatter-yaml");
    const binary = Buffer.from(zipSync({ "bin/SKILL.md": new Uint8Array([0, 1, 2, 255, 0, 7]) })).toString("base64");
    expect((await caller.skills.validate({ zipBase64: binary })).findings.map((f) => f.ruleId)).toContain(
      "spec/skill-md-text",
    );
    const huge = `---\nname: big\ndescription: Use when testing size.\n---\n${"word ".repeat(2_100_000)}`;
    const bigZip = Buffer.from(zipSync({ "big/SKILL.md": strToU8(huge) })).toString("base64");
    expect((await caller.skills.validate({ zipBase64: bigZip })).findings.map((f) => f.ruleId)).toContain(
      "portability/skill-md-size",
    );
    const deep = Buffer.from(zipSync({ [`n/${"a/".repeat(20)}x.md`]: strToU8("x") })).toString("base64");
    expect(await trpcCode(caller.skills.validate({ zipBase64: deep }))).toBe("BAD_REQUEST");
    expect(await trpcCode(caller.skills.validate({ content: huge }))).toBe("BAD_REQUEST");
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
    await caller.library.import({
      path: "data/csv-summary",
      files: [
        { path: "SKILL.md", text: await fs.readFile(path.join(VALID_DIR, "SKILL.md"), "utf8") },
        { path: "metadata.json", text: JSON.stringify({ tags: ["pandas"] }) },
      ],
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
    // The library lives in the database: the location is the skill's path in an export, never a server folder.
    expect(xml).toContain("<location>data/csv-summary/SKILL.md</location>");
    expect(xml).not.toContain(root);
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

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import type { DomainError } from "@/server/common/errors";
import type { ConflictDetails } from "@/server/skills/library/index";
import { openTestDatabase } from "../../support/db";
import { at } from "../../support/jobs";
import { BINARY, files, skillMd, testLibrary } from "../../support/library";

/** Versions, concurrency and binary files of the database library, on PGlite and (TEST_DATABASE_URL) PostgreSQL. */
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db.close());

const author = "ada";

describe("versions", () => {
  it("numbers versions 1, 2, 3 with author, message, parent and origin; old versions stay readable", async () => {
    const { library } = testLibrary(db);
    const v1 = await library.import({
      path: "docs/versioned",
      files: files({ "SKILL.md": skillMd("versioned", "Use when one") }),
      authorId: author,
    });
    const v2 = await library.save({
      path: "docs/versioned",
      baseNumber: 1,
      files: files({ "SKILL.md": skillMd("versioned", "Use when two"), "references/notes.md": "notes\n" }),
      authorId: "grace",
      message: "Second",
      origin: "edit",
    });
    expect([v1.number, v1.origin, v1.authorId, v1.parentId]).toEqual([1, "import", author, null]);
    expect([v2.number, v2.origin, v2.authorId, v2.message, v2.parentId]).toEqual([2, "edit", "grace", "Second", v1.id]);
    expect((await library.versions("docs/versioned")).map((v) => v.number)).toEqual([2, 1]);
    const first = await library.get("docs/versioned", 1);
    expect(first.files.map((f) => f.path)).toEqual(["SKILL.md"]);
    expect((await library.get("docs/versioned")).skill.description).toBe("Use when two");
    const changes = await library.diff(v1.id, v2.id);
    expect(changes.map((c) => [c.path, c.status])).toEqual([
      ["SKILL.md", "modified"],
      ["references/notes.md", "added"],
    ]);
    expect(changes[0]?.patch).toContain("-description: Use when one");
    expect(changes[0]?.patch).toContain("+description: Use when two");
  });

  it("restores an old version as a new version (history only grows)", async () => {
    const { library } = testLibrary(db);
    await library.import({
      path: "docs/restored",
      files: files({ "SKILL.md": skillMd("restored", "Use when first") }),
      authorId: author,
    });
    await library.save({
      path: "docs/restored",
      baseNumber: 1,
      files: files({ "SKILL.md": skillMd("restored", "Use when later") }),
      authorId: author,
      message: "edit",
      origin: "edit",
    });
    const v3 = await library.restore({ path: "docs/restored", number: 1, baseNumber: 2, authorId: author });
    expect([v3.number, v3.message]).toEqual([3, "Restore version 1"]);
    expect((await library.get("docs/restored")).skill.description).toBe("Use when first");
    expect(await library.diff((await library.get("docs/restored", 1)).version.id, v3.id)).toEqual([]);
  });

  it("refuses a file set without SKILL.md or with a traversal path, and writes nothing", async () => {
    const { library } = testLibrary(db);
    await expect(
      library.import({ path: "docs/bad", files: files({ "README.md": "x" }), authorId: author }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(() => files({ "../evil.md": "x" })).toThrow(/must not contain/);
    await expect(library.get("docs/bad")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("concurrent saves on the same base", () => {
  it("two saves on version 1: one wins, the other gets CONFLICT with the diff of what changed meanwhile", async () => {
    const { library } = testLibrary(db);
    await library.import({
      path: "team/shared",
      files: files({ "SKILL.md": skillMd("shared", "Use when base") }),
      authorId: author,
    });
    const save = (who: string) =>
      library.save({
        path: "team/shared",
        baseNumber: 1,
        files: files({ "SKILL.md": skillMd("shared", `Use when ${who} saved`) }),
        authorId: who,
        message: who,
        origin: "edit",
      });
    const results = await Promise.allSettled([save("alice"), save("bob")]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect([won.length, lost.length]).toEqual([1, 1]);
    const error = lost[0]?.reason as DomainError;
    expect(error.code).toBe("CONFLICT");
    const details = error.details as ConflictDetails;
    expect(details.currentVersion).toBe(2);
    const winner = (await library.get("team/shared")).version.authorId;
    expect(details.changes.map((c) => c.path)).toEqual(["SKILL.md"]);
    expect(details.changes[0]?.patch).toContain(`+description: Use when ${winner} saved`);
    expect((await library.versions("team/shared")).map((v) => v.number)).toEqual([2, 1]);
  });

  it("ten servers saving on the same base at once: exactly one version 2, nine CONFLICTs, nothing half-written", async () => {
    await testLibrary(db).library.import({
      path: "team/raced",
      files: files({ "SKILL.md": skillMd("raced", "Use when base") }),
      authorId: author,
    });
    const servers = Array.from({ length: 10 }, () => testLibrary(db).library);
    const results = await Promise.allSettled(
      servers.map((library, i) =>
        library.save({
          path: "team/raced",
          baseNumber: 1,
          files: files({ "SKILL.md": skillMd("raced", `Use when ${i}`) }),
          authorId: `u${i}`,
          message: "",
          origin: "edit",
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected"))
      expect((r.reason as DomainError).code).toBe("CONFLICT");
    const versions = await at(servers, 0).versions("team/raced");
    expect(versions.map((v) => v.number)).toEqual([2, 1]);
  });

  it("two new skills registered at one path at once: one wins, the other gets CONFLICT", async () => {
    const [a, b] = [testLibrary(db).library, testLibrary(db).library];
    const create = (library: typeof a, who: string) =>
      library.save({
        path: "team/new-one",
        baseNumber: 0,
        files: files({ "SKILL.md": skillMd("new-one", `Use when ${who}`) }),
        authorId: who,
        message: "",
        origin: "edit",
      });
    const results = await Promise.allSettled([create(a, "a"), create(b, "b")]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const error = (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as DomainError;
    expect(error.code).toBe("CONFLICT");
  });
});

describe("binary files", () => {
  it("round-trip byte for byte with their size and sha256", async () => {
    const { library } = testLibrary(db);
    const saved = await library.import({
      path: "assets/binary",
      files: files({ "SKILL.md": skillMd("binary", "Use when bytes"), "assets/logo.png": BINARY }),
      authorId: author,
    });
    const file = (await library.version(saved.id)).files.find((f) => f.path === "assets/logo.png");
    expect(Buffer.from(file?.bytes ?? []).equals(Buffer.from(BINARY))).toBe(true);
    expect(file?.size).toBe(BINARY.byteLength);
    expect(file?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await library.diff(saved.id, saved.id)).toEqual([]);
  });
});

describe("delete and restore", () => {
  it("a deleted skill leaves the list and can be brought back with its history", async () => {
    const { library } = testLibrary(db);
    await library.import({
      path: "old/gone",
      files: files({ "SKILL.md": skillMd("gone", "Use when gone") }),
      authorId: author,
    });
    await library.remove("old/gone", author);
    expect((await library.list()).map((s) => s.path)).not.toContain("old/gone");
    expect((await library.list({ deleted: true })).map((s) => s.path)).toContain("old/gone");
    await expect(library.get("old/gone")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await library.undelete("old/gone");
    expect((await library.get("old/gone")).version.number).toBe(1);
  });

  it("filters by category and tag; the XML names no server folder", async () => {
    const { library } = testLibrary(db);
    await library.import({
      path: "filters/python/tagged",
      files: files({
        "SKILL.md": skillMd("tagged", "Use when tags"),
        "metadata.json": JSON.stringify({ tags: ["pytest", "ci"] }),
      }),
      authorId: author,
    });
    expect((await library.list({ category: "filters" })).map((s) => s.path)).toEqual(["filters/python/tagged"]);
    expect((await library.list({ tag: "ci" })).map((s) => s.path)).toEqual(["filters/python/tagged"]);
    expect(await library.list({ tag: "nope", category: "filters" })).toEqual([]);
    const xml = await library.xml();
    expect(xml).toContain("<location>filters/python/tagged/SKILL.md</location>");
    expect(xml).not.toMatch(/<location>\//);
  });
});

describe("drafts", () => {
  const JOB = "5d0c8a52-7f3e-4d1b-9a0e-2c6b1e8f4a10";

  it("a draft's edits are conditional on its revision; its versions are not diffable as library versions", async () => {
    const { drafts, library } = testLibrary(db);
    const written = await drafts.write({
      jobId: JOB,
      skillPath: "drafts/edited",
      files: files({ "SKILL.md": skillMd("edited", "Use when drafted") }),
      authorId: author,
      origin: "job",
      message: "written",
    });
    const edit = (text: string, revision: number) =>
      drafts.save({ jobId: JOB, revision, files: files({ "SKILL.md": text }), authorId: author, message: "" });
    await edit(skillMd("edited", "Use when first edit"), 1);
    await expect(edit(skillMd("edited", "Use when stale edit"), 1)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { currentRevision: 2, changes: [expect.objectContaining({ path: "SKILL.md" })] },
    });
    expect((await drafts.get(JOB)).files[0]?.bytes).toEqual(
      files({ x: skillMd("edited", "Use when first edit") })[0]?.bytes,
    );
    await expect(library.diff(written.version.id, written.version.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const promoted = await drafts.promote(JOB, {});
    expect([promoted.version.number, promoted.version.origin]).toEqual([1, "edit"]);
    await expect(drafts.promote(JOB, {})).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(edit("x", 2)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { DEFAULT_SEED_DIR } from "@/server/skills/library/index";
import { validateVersionFiles } from "@/server/skills/library/versions";
import { openTestDatabase } from "../../support/db";
import { BINARY, skillMd, tempRoot, testLibrary } from "../../support/library";

/**
 * The first start with the library in the database: the existing skills folder (skills, binary assets, job drafts)
 * is imported once, losing nothing; an empty folder gets the seed skills; a second start imports nothing again.
 */
let db: Database;
let root: string;
const JOB_ID = "0b9f3c1e-8d2a-4c55-9a51-3f1d2b6a7c01";

beforeEach(async () => {
  db = await openTestDatabase();
  root = await tempRoot();
});
afterEach(async () => {
  await db.close();
  await fs.rm(path.dirname(root), { recursive: true, force: true });
});

async function write(relative: string, content: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(path.join(root, relative)), { recursive: true });
  await fs.writeFile(path.join(root, relative), content);
}

async function existingFolder(): Promise<void> {
  await write("python/async/SKILL.md", skillMd("async", "Use when writing asyncio code"));
  await write("python/async/metadata.json", JSON.stringify({ tags: ["concurrency"] }));
  await write("python/async/assets/logo.png", BINARY);
  await write("web/react-vite/SKILL.md", skillMd("react-vite", "Use when starting a React app"));
  await write(`_drafts/${JOB_ID}/draft.json`, JSON.stringify({ skillPath: "ops/runbook" }));
  await write(`_drafts/${JOB_ID}/ops/runbook/SKILL.md`, skillMd("runbook", "Use when on call"));
  // Not skills: temp and hidden folders, a folder without SKILL.md.
  await write("_tmp/x/SKILL.md", skillMd("x", "temp"));
  await write(".git/z/SKILL.md", skillMd("z", "hidden"));
  await fs.mkdir(path.join(root, "empty/folder"), { recursive: true });
}

describe("first start", () => {
  it("imports every skill of the folder byte for byte, and its job drafts, as version 1; the folder is left as it was", async () => {
    await existingFolder();
    const { library, drafts } = testLibrary(db, root, DEFAULT_SEED_DIR());
    const listed = await library.list();
    expect(listed.map((skill) => skill.path)).toEqual(["python/async", "web/react-vite"]);
    const async = await library.get("python/async");
    expect([async.version.number, async.version.origin, async.skill.tags]).toEqual([1, "import", ["concurrency"]]);
    const logo = async.files.find((file) => file.path === "assets/logo.png");
    expect(Buffer.from(logo?.bytes ?? []).equals(Buffer.from(BINARY))).toBe(true);
    const draft = await drafts.get(JOB_ID);
    expect([draft.skill.path, draft.version.origin, draft.version.number, draft.draft.revision]).toEqual([
      "ops/runbook",
      "job",
      null,
      1,
    ]);
    expect(await fs.readFile(path.join(root, "python/async/assets/logo.png"))).toEqual(Buffer.from(BINARY));
  });

  it("happens once for the database: a second server (or restart) neither re-imports nor resurrects a deleted skill", async () => {
    await existingFolder();
    const first = testLibrary(db, root);
    await first.library.remove("web/react-vite", "ada");
    const second = testLibrary(db, root);
    expect((await second.library.list()).map((skill) => skill.path)).toEqual(["python/async"]);
    expect((await second.library.versions("python/async")).length).toBe(1);
  });

  it("two servers starting at once import the folder exactly once", async () => {
    await existingFolder();
    await Promise.all([testLibrary(db, root).ready(), testLibrary(db, root).ready()]);
    expect((await testLibrary(db, root).library.versions("python/async")).map((v) => v.number)).toEqual([1]);
  });

  it("an empty folder gets the seed skills, each passing validation without findings", async () => {
    const { library } = testLibrary(db, root, DEFAULT_SEED_DIR());
    const seeded = await library.list();
    expect(seeded.length).toBeGreaterThanOrEqual(5);
    for (const skill of seeded) {
      const { files } = await library.get(skill.path);
      expect(validateVersionFiles(skill.path, files).findings).toEqual([]);
    }
  });

  it("a folder with skills gets no seed skills", async () => {
    await write("mine/own/SKILL.md", skillMd("own", "Use when mine"));
    const { library } = testLibrary(db, root, DEFAULT_SEED_DIR());
    expect((await library.list()).map((skill) => skill.path)).toEqual(["mine/own"]);
  });
});

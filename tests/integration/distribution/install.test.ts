import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AGENT_IDS, AGENTS, type AgentId } from "../../../contracts/agents";
import { skillMd } from "../../support/library";
import { startWorkflowHarness, type WorkflowHarness } from "../../support/workflow-harness";
import { runCli } from "../cli/cli-process";

/**
 * install, check and update through the real binary against the real tRPC endpoint and archive route, into a
 * temporary HOME and project folder, for every agent of the table and both scopes (docs/distribution.md).
 */
let h: WorkflowHarness;
let tmp: string;
let home: string;
let project: string;

const SKILL = "testing/install-me";
const NAME = "install-me";
/** Another library path whose folder name is the same: an agent would load it from the very same folder. */
const OTHER = "other/install-me";

beforeAll(async () => {
  h = await startWorkflowHarness();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "sf-install-"));
  await h.client.library.import.mutate({
    path: SKILL,
    files: [
      { path: "SKILL.md", text: skillMd(NAME, "Use when testing installs") },
      { path: "references/notes.md", text: "# Notes\n\nFirst version.\n" },
    ],
    message: "first",
  });
  await h.client.library.import.mutate({
    path: OTHER,
    files: [{ path: "SKILL.md", text: skillMd(NAME, "Use when testing another library path") }],
    message: "first",
  });
});
afterAll(async () => {
  await h?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

let round = 0;
beforeEach(async () => {
  round += 1;
  home = path.join(tmp, `home-${round}`);
  project = path.join(tmp, `project-${round}`);
  await fs.mkdir(home, { recursive: true });
  await fs.mkdir(project, { recursive: true });
});

const cli = (...args: string[]) =>
  runCli([...args, "--project", project], { SKILL_FLEET_URL: h.app.url, SKILL_FLEET_USER: "installer", HOME: home });

const base = (scope: "project" | "user") => (scope === "project" ? project : home);
const skillDir = (agent: AgentId, scope: "project" | "user") =>
  path.join(base(scope), ...AGENTS[agent][scope].split("/"), NAME);
const lockFile = (scope: "project" | "user") =>
  scope === "project" ? path.join(project, "skills-lock.json") : path.join(home, ".skill-fleet", "skills-lock.json");

async function newVersion(text: string): Promise<number> {
  const current = await h.client.library.get.query({ path: SKILL });
  const saved = await h.client.library.save.mutate({
    path: SKILL,
    baseVersion: current.headVersion,
    files: [
      { path: "SKILL.md", from: "SKILL.md" },
      { path: "references/notes.md", text },
    ],
    message: "newer",
  });
  return saved.version.number ?? 0;
}

/** Every file under a folder with its bytes, to prove a refused command changed nothing. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile());
  const pairs = await Promise.all(
    files.map(async (entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(dir, file), await fs.readFile(file, "utf8")] as const;
    }),
  );
  return Object.fromEntries(pairs);
}

describe.each(AGENT_IDS.flatMap((agent) => (["project", "user"] as const).map((scope) => ({ agent, scope }))))(
  "skill-fleet install/check/update for $agent ($scope)",
  ({ agent, scope }) => {
    it("installs into the documented folder, records the lock, then check and update follow the library", async () => {
      const installed = await cli("install", SKILL, "--agent", agent, "--scope", scope);
      expect(installed).toMatchObject({ code: 0, stderr: "" });
      const dir = skillDir(agent, scope);
      expect(await fs.readFile(path.join(dir, "SKILL.md"), "utf8")).toBe(skillMd(NAME, "Use when testing installs"));
      const lock = JSON.parse(await fs.readFile(lockFile(scope), "utf8")) as { skills: Record<string, unknown>[] };
      const detail = await h.client.library.get.query({ path: SKILL });
      expect(lock.skills).toEqual([
        expect.objectContaining({
          name: NAME,
          agents: [agent],
          path: SKILL,
          versionId: detail.version.id,
          version: detail.headVersion,
          server: h.app.url,
          mode: "copy",
          contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        }),
      ]);
      expect(await cli("check", "--scope", scope)).toMatchObject({
        code: 0,
        stdout: expect.stringContaining("up to date"),
      });

      const latest = await newVersion(`# Notes\n\nVersion for ${agent} ${scope}.\n`);
      const outdated = await cli("check", "--scope", scope);
      expect(outdated.code).toBe(1);
      expect(outdated.stdout).toContain(`outdated: v${latest} is the latest`);
      const updated = await cli("update", "--scope", scope);
      expect(updated).toMatchObject({ code: 0, stdout: expect.stringContaining(`updated to ${SKILL} v${latest}`) });
      expect(await fs.readFile(path.join(dir, "references", "notes.md"), "utf8")).toContain(`${agent} ${scope}`);
      expect((await cli("check", "--scope", scope)).code).toBe(0);
    });
  },
);

describe("local edits", () => {
  it("check reports a modified skill; update shows the diff and keeps the edit; --force overwrites it", async () => {
    expect((await cli("install", SKILL, "--agent", "claude-code")).code).toBe(0);
    const notes = path.join(skillDir("claude-code", "project"), "references", "notes.md");
    await fs.writeFile(notes, "# Notes\n\nMy own edit.\n");
    const check = await cli("check");
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("modified locally");

    await newVersion("# Notes\n\nUpstream change.\n");
    const refused = await cli("update");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("modified locally; not updated");
    expect(refused.stdout).toContain("+My own edit.");
    expect(await fs.readFile(notes, "utf8")).toBe("# Notes\n\nMy own edit.\n");

    expect((await cli("update", "--force")).code).toBe(0);
    expect(await fs.readFile(notes, "utf8")).toBe("# Notes\n\nUpstream change.\n");
    expect((await cli("check")).code).toBe(0);
  });

  it("--link keeps one copy in ~/.skill-fleet/store and links the agent's folder to it", async () => {
    expect((await cli("install", SKILL, "--agent", "cursor", "--link")).code).toBe(0);
    const dir = skillDir("cursor", "project");
    expect((await fs.lstat(dir)).isSymbolicLink()).toBe(true);
    expect(await fs.realpath(dir)).toContain(path.join(home, ".skill-fleet", "store"));
    expect(await fs.readFile(path.join(dir, "SKILL.md"), "utf8")).toContain(`name: ${NAME}`);
    expect((await cli("check")).code).toBe(0);
  });
});

describe("bad input is refused with a typed error and changes nothing", () => {
  async function expectRefused(args: string[], code: string): Promise<void> {
    const before = { project: await snapshot(project), home: await snapshot(home) };
    const run = await cli(...args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: ${code}:`);
    expect({ project: await snapshot(project), home: await snapshot(home) }).toEqual(before);
  }

  it("an unknown agent", async () => {
    await expectRefused(["install", SKILL, "--agent", "emacs"], "UNKNOWN_AGENT");
  });

  it("a traversal in a skill path", async () => {
    await expectRefused(["install", "../../etc", "--agent", "codex"], "BAD_SKILL_PATH");
  });

  it("a target that is a file", async () => {
    await fs.writeFile(path.join(project, ".github"), "not a folder\n");
    await expectRefused(["install", SKILL, "--agent", "copilot"], "TARGET_IS_FILE");
  });

  it("a read-only folder", async () => {
    const skills = path.join(project, ".gemini", "skills");
    await fs.mkdir(skills, { recursive: true });
    await fs.chmod(skills, 0o555);
    try {
      await expectRefused(["install", SKILL, "--agent", "gemini-cli"], "READ_ONLY");
    } finally {
      await fs.chmod(skills, 0o755);
    }
  });

  it("a lock file edited by hand into invalid JSON", async () => {
    await fs.writeFile(path.join(project, "skills-lock.json"), '{ "lockfileVersion": 1, "skills": [ \n');
    await expectRefused(["install", SKILL, "--agent", "opencode"], "BAD_LOCK");
    await expectRefused(["check"], "BAD_LOCK");
    await expectRefused(["update"], "BAD_LOCK");
  });
});

interface LockView {
  lockfileVersion: number;
  skills: { path: string; folder: string; agents: string[]; version: number }[];
}
const readLockFile = async (scope: "project" | "user" = "project") =>
  JSON.parse(await fs.readFile(lockFile(scope), "utf8")) as LockView;
const skillMdIn = (agent: AgentId) => fs.readFile(path.join(skillDir(agent, "project"), "SKILL.md"), "utf8");

describe("ownership is the target folder and the library path", () => {
  it("refuses a same-named skill from another library path, naming both; --force replaces it", async () => {
    expect((await cli("install", SKILL, "--agent", "claude-code")).code).toBe(0);
    const before = { project: await snapshot(project), home: await snapshot(home) };
    const refused = await cli("install", OTHER, "--agent", "claude-code");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `error: TARGET_EXISTS: ${skillDir("claude-code", "project")} holds ${SKILL} (installed by skill-fleet for ` +
        `claude-code), not ${OTHER}; use --force to replace it with ${OTHER}`,
    );
    expect({ project: await snapshot(project), home: await snapshot(home) }).toEqual(before);

    expect((await cli("install", OTHER, "--agent", "claude-code", "--force")).code).toBe(0);
    expect(await skillMdIn("claude-code")).toBe(skillMd(NAME, "Use when testing another library path"));
    expect((await readLockFile()).skills).toEqual([expect.objectContaining({ path: OTHER, agents: ["claude-code"] })]);
    // The same path again is an update of that installation, not a conflict.
    expect((await cli("install", OTHER, "--agent", "claude-code")).code).toBe(0);
    expect((await cli("check")).code).toBe(0);
  });

  it("refuses two paths of one command that would land in one folder", async () => {
    const run = await cli("install", SKILL, OTHER, "--agent", "cursor");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: TARGET_EXISTS: ${SKILL} and ${OTHER} would both be installed in`);
    expect(await snapshot(project)).toEqual({});
  });

  it("generic after codex (one .agents/skills folder) is the same installation, updated once", async () => {
    expect((await cli("install", SKILL, "--agent", "codex")).code).toBe(0);
    const generic = await cli("install", SKILL, "--agent", "generic");
    expect(generic).toMatchObject({ code: 0, stderr: "" });
    expect(generic.stdout).toContain(`installed ${SKILL}`);
    expect(generic.stdout).toContain("for codex and generic in");
    const lock = await readLockFile();
    expect(lock.lockfileVersion).toBe(2);
    expect(lock.skills).toEqual([
      expect.objectContaining({ path: SKILL, folder: `.agents/skills/${NAME}`, agents: ["codex", "generic"] }),
    ]);
    const check = await cli("check");
    expect(check.code).toBe(0);
    expect(check.stdout.trim().split("\n")).toEqual([expect.stringContaining(`${NAME} (codex, generic, ${SKILL} v`)]);

    const latest = await newVersion("# Notes\n\nShared folder.\n");
    const updated = await cli("update");
    expect(updated.code).toBe(0);
    expect(updated.stdout.match(/updated to/g)).toHaveLength(1);
    expect((await readLockFile()).skills).toEqual([
      expect.objectContaining({ version: latest, agents: ["codex", "generic"] }),
    ]);
    expect((await cli("install", OTHER, "--agent", "generic")).stderr).toContain(`holds ${SKILL}`);
  });

  it("reads a version 1 lock (one entry per agent), merges entries of one folder and writes version 2", async () => {
    expect((await cli("install", SKILL, "--agent", "codex")).code).toBe(0);
    const [entry] = (await readLockFile()).skills as (Record<string, unknown> & { agents: string[] })[];
    const { agents: _agents, ...fields } = entry ?? { agents: [] };
    const v1 = {
      lockfileVersion: 1,
      skills: [
        { ...fields, agent: "codex" },
        { ...fields, agent: "generic" },
      ],
    };
    await fs.writeFile(lockFile("project"), JSON.stringify(v1, null, 2));
    const check = await cli("check");
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`${NAME} (codex, generic, ${SKILL} v`);
    expect((await cli("install", OTHER, "--agent", "codex")).stderr).toContain(
      `holds ${SKILL} (installed by skill-fleet for codex, generic), not ${OTHER}`,
    );
    expect((await cli("install", SKILL, "--agent", "generic")).code).toBe(0);
    const migrated = await readLockFile();
    expect(migrated.lockfileVersion).toBe(2);
    expect(migrated.skills).toEqual([expect.objectContaining({ path: SKILL, agents: ["codex", "generic"] })]);
  });
});

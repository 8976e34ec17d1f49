import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { zipSync, strToU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BINARY, skillMd } from "../../support/library";
import { startWorkflowHarness, type WorkflowHarness } from "../../support/workflow-harness";
import { runCli } from "./cli-process";

/** import, export and versions through the real binary against the tRPC endpoint and the archive route. */
let h: WorkflowHarness;
let env: Record<string, string>;
let tmp: string;

beforeAll(async () => {
  h = await startWorkflowHarness();
  env = { SKILL_FLEET_URL: h.app.url, SKILL_FLEET_USER: "cli-librarian" };
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "sf-cli-library-"));
});
afterAll(async () => {
  await h?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(args, env);

async function skillFolder(name: string, description: string): Promise<string> {
  const dir = path.join(tmp, "src", name);
  await fs.mkdir(path.join(dir, "assets"), { recursive: true });
  await fs.writeFile(path.join(dir, "SKILL.md"), skillMd(name, description));
  await fs.writeFile(path.join(dir, "assets", "logo.png"), BINARY);
  return dir;
}

describe("skill-fleet import / export / versions", () => {
  it("imports a folder (binary included) as version 1, then a zip as version 2; versions lists both", async () => {
    const dir = await skillFolder("cli-skill", "Use when testing the CLI");
    const first = await cli("import", dir, "--path", "tools/cli-skill", "-m", "first import");
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toBe("imported tools/cli-skill version 1 · security risk none\n");

    const zip = path.join(tmp, "cli-skill.zip");
    await fs.writeFile(zip, zipSync({ "cli-skill/SKILL.md": strToU8(skillMd("cli-skill", "Use when zipped")) }));
    const second = await cli("import", zip, "--path", "tools/cli-skill");
    expect(second.stdout).toBe("imported tools/cli-skill version 2 · security risk none\n");

    const versions = await cli("versions", "tools/cli-skill");
    expect(versions.code).toBe(0);
    const lines = versions.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^v2 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}import +cli-librarian {2}score \d\.\d\d {2}Imported$/,
    );
    expect(lines[1]).toMatch(/^v1 .* first import$/);
    const json = JSON.parse((await cli("versions", "tools/cli-skill", "--json")).stdout) as { number: number }[];
    expect(json.map((v) => v.number)).toEqual([2, 1]);
  });

  it("exports the latest version or --version N byte for byte into <out>/<path>/", async () => {
    const out = path.join(tmp, "export");
    const v1 = await cli("export", "tools/cli-skill", "--version", "1", "--out", out);
    expect(v1).toMatchObject({ code: 0, stderr: "" });
    const folder = path.join(out, "tools", "cli-skill");
    expect(await fs.readFile(path.join(folder, "assets", "logo.png"))).toEqual(Buffer.from(BINARY));
    expect(await fs.readFile(path.join(folder, "SKILL.md"), "utf8")).toContain("Use when testing the CLI");

    const refused = await cli("export", "tools/cli-skill", "--out", out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exists \(nothing was written\)/);

    const latest = await cli("export", "tools/cli-skill", "--out", path.join(tmp, "latest"));
    expect(latest.code).toBe(0);
    const files = await fs.readdir(path.join(tmp, "latest", "tools", "cli-skill"));
    expect(files).toEqual(["SKILL.md"]);
  });

  it("bad archives and unknown skills are typed errors that change nothing", async () => {
    const evil = path.join(tmp, "evil.zip");
    await fs.writeFile(
      evil,
      zipSync({ "x/SKILL.md": strToU8("---\nname: x\n---\n"), "../escape.sh": strToU8("boom") }),
    );
    const refused = await cli("import", evil, "--path", "tools/evil");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: Zip entry .*"\.\." segments \(BAD_REQUEST\)\n$/);
    expect((await cli("versions", "tools/evil")).stderr).toMatch(/not found \(NOT_FOUND\)/);
    const missing = await cli("export", "tools/nope", "--out", tmp);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: Skill 'tools\/nope' not found\n$/);
  });

  it("export refuses a high-risk skill with the server's findings, and writes it with --allow-risk", async () => {
    await h.client.library.import.mutate({
      path: "tools/cli-risky",
      files: [{ path: "SKILL.md", text: `${skillMd("cli-risky", "Use when testing export risk.")}\n\`rm -rf ~/\`\n` }],
      message: "",
    });
    const out = path.join(tmp, "risky");
    const refused = await cli("export", "tools/cli-risky", "--out", out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/rates it high; not downloaded[\s\S]*\[SEC-[A-Z]+-\d+\] cli-risky\/SKILL\.md:\d+/);
    expect(await fs.stat(out).catch(() => null)).toBeNull();
    const forced = await cli("export", "tools/cli-risky", "--out", out, "--allow-risk");
    expect(forced.code).toBe(0);
    expect(await fs.readFile(path.join(out, "tools", "cli-risky", "SKILL.md"), "utf8")).toContain("rm -rf ~/");
  });
});

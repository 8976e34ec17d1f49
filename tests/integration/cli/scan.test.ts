import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityReportSchema } from "../../../contracts/security-report";
import { zipSkill } from "../../../server/skills/archive";
import { runCli } from "./cli-process";

/**
 * `skill-fleet scan` through the real binary: it scans locally (no server is running here), on a folder, a zip
 * and a lone SKILL.md; --json prints exactly the report, --sarif SARIF 2.1.0, and the exit code follows --fail-on.
 */
const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/security");
const MALICIOUS = path.join(FIXTURES, "malicious/log-rotation");
const BENIGN = path.join(FIXTURES, "benign/rebase-helper");
const NO_SERVER = { SKILL_FLEET_URL: "http://127.0.0.1:9" };
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "sf-scan-"));
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const scan = (...args: string[]) => runCli(["scan", ...args], NO_SERVER);

describe("skill-fleet scan", () => {
  it("prints the risk and each finding with its place and evidence; exit 1 at high", async () => {
    const run = await scan(MALICIOUS);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/security: risk critical/);
    expect(run.stdout).toMatch(/\[SEC-PER-002\] log-rotation\/scripts\/install\.sh:13/);
    expect(run.stdout).toContain("crontab");
  });

  it("--json prints exactly { risk, analysed, findings }", async () => {
    const run = await scan(MALICIOUS, "--json");
    const report = JSON.parse(run.stdout) as unknown;
    expect(Object.keys(report as object)).toEqual(["risk", "analysed", "findings"]);
    const parsed = securityReportSchema.parse(report);
    for (const finding of parsed.findings)
      expect(Object.keys(finding)).toEqual(["ruleId", "severity", "message", "path", "line", "evidence"]);
  });

  it("--sarif prints SARIF 2.1.0 with rules, levels and locations", async () => {
    const run = await scan(MALICIOUS, "--sarif");
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { level: string; locations: unknown[] }[] }[];
    };
    expect(sarif.version).toBe("2.1.0");
    const [first] = sarif.runs;
    expect(first?.tool.driver.rules.map((rule) => rule.id)).toContain("SEC-PER-002");
    expect(first?.results[0]).toMatchObject({
      level: "error",
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: "log-rotation/scripts/install.sh" }, region: { startLine: 13 } },
        },
      ],
    });
  });

  it("scans a zip and a lone SKILL.md; a clean skill exits 0", async () => {
    const zip = path.join(tmp, "log-rotation.zip");
    await fs.writeFile(zip, await zipSkill(MALICIOUS));
    expect((await scan(zip, "--json")).code).toBe(1);
    const clean = await scan(path.join(BENIGN, "SKILL.md"), "--json");
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual({ risk: "none", analysed: true, findings: [] });
  });

  it("--fail-on moves the threshold; an unreadable path exits 2 without a stack", async () => {
    const pipx = path.join(FIXTURES, "benign/pipx-path-setup");
    expect((await scan(pipx)).code).toBe(0);
    expect((await scan(pipx, "--fail-on", "medium")).code).toBe(1);
    const missing = await scan(path.join(tmp, "nope"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/error: No such file or folder/);
    expect(missing.stderr).not.toMatch(/^\s+at /m);
  });
});

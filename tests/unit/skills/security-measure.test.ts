import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { riskReaches } from "@/contracts/security-report";
import { measureFolder, rates } from "@/scripts/security/measure";

/**
 * The targets on the repository's own labelled skills (tests/fixtures/security): recall ≥ 90 % at high+
 * without a model, flag rate ≤ 3 % at high+ on the hard benign ones. Each malicious skill must also be caught where
 * its attack is (file and line from labels.json), not by an unrelated finding elsewhere.
 */

const ROOT = path.resolve(import.meta.dirname, "../../fixtures/security");

interface Labels {
  malicious: Record<string, { family: string; subtle: boolean; where: string }>;
  benign: Record<string, string>;
}

const labels = JSON.parse(await fs.readFile(path.join(ROOT, "labels.json"), "utf8")) as Labels;
const malicious = await measureFolder(path.join(ROOT, "malicious"), "malicious");
const benign = await measureFolder(path.join(ROOT, "benign"), "benign");

describe("security scan on the labelled fixtures", () => {
  it("has every fixture folder labelled, and the other way round", () => {
    expect(malicious.map((item) => item.name).sort()).toEqual(Object.keys(labels.malicious).sort());
    expect(benign.map((item) => item.name).sort()).toEqual(Object.keys(labels.benign).sort());
  });

  it("covers every family, with subtle and blatant cases", () => {
    const families = new Set(Object.values(labels.malicious).map((label) => label.family));
    for (const family of ["prompt-injection", "hidden-unicode", "exfiltration", "remote-code-execution"])
      expect(families).toContain(family);
    for (const family of ["persistence", "over-reach", "supply-chain", "destructive", "folder", "concealment"])
      expect(families).toContain(family);
    const subtle = Object.values(labels.malicious).filter((label) => label.subtle).length;
    expect(subtle).toBeGreaterThanOrEqual(10);
  });

  it("reaches recall ≥ 90 % at high+ and flags ≤ 3 % of benign skills at high+", () => {
    const figures = rates([...malicious, ...benign]);
    expect(figures.recall).toBeGreaterThanOrEqual(0.9);
    expect(figures.flagRate).toBeLessThanOrEqual(0.03);
  });

  it.each(Object.entries(labels.malicious))("catches %s where the attack is", (name, label) => {
    const report = malicious.find((item) => item.name === name)?.report;
    const [file, line] = label.where.split(":");
    const atAttack = report?.findings.filter(
      (finding) =>
        finding.path === `${name}/${file}` &&
        (line === undefined || finding.line === Number(line)) &&
        riskReaches(finding.severity === "info" ? "none" : finding.severity, "high"),
    );
    expect(atAttack?.length, JSON.stringify(report?.findings.slice(0, 3))).toBeGreaterThan(0);
  });

  it.each(Object.keys(labels.benign))("keeps %s below high", (name) => {
    const report = benign.find((item) => item.name === name)?.report;
    expect(report?.risk, JSON.stringify(report?.findings.slice(0, 3))).toMatch(/^(none|low|medium)$/);
    expect(report?.analysed).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { riskRaise, VersionRiskCache } from "@/server/skills/security/version-risks";

const SKILL_MD = "---\nname: helper\ndescription: Use when testing.\n---\n\n# Helper\n\n";
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("VersionRiskCache", () => {
  it("scans a version once and answers later reads from the cache (versions are immutable)", async () => {
    let loads = 0;
    const cache = new VersionRiskCache(async () => {
      loads += 1;
      return [{ path: "SKILL.md", bytes: bytes(`${SKILL_MD}\`rm -rf ~/\`\n`) }];
    });
    const first = await cache.report("testing/helper", "v1");
    expect(first.risk).toBe("high");
    expect(await cache.report("testing/helper", "v1")).toBe(first);
    expect(loads).toBe(1);
  });
});

describe("riskRaise", () => {
  const finding = {
    ruleId: "SEC-X",
    severity: "high" as const,
    message: "m",
    path: "a/SKILL.md",
    line: 3,
    evidence: "e",
  };
  it("names only the findings the older version did not have, whatever their line", () => {
    const old = { ...finding, severity: "medium" as const };
    const before = { risk: "medium" as const, analysed: true, findings: [old] };
    const fresh = { ...finding, ruleId: "SEC-Y" };
    const after = { risk: "high" as const, analysed: true, findings: [{ ...old, line: 9 }, fresh] };
    expect(riskRaise(before, after)).toEqual({ from: "medium", to: "high", newFindings: [fresh] });
    expect(riskRaise(after, before)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { FILL_MARKER, improveOffline } from "@/server/llm/offline/improve";
import { STEPS } from "@/server/llm/steps/index";

/** The improve step without a model: structural instructions applied, places to fill marked, nothing else claimed. */
const SKILL = `---
name: deploys
description: Use when deploying.
---

# Deploys

## When to Use

Use when shipping.

## Steps

1. Build.
`;

describe("improveOffline", () => {
  it("adds a section with a marked place to fill (no invented content)", () => {
    const result = improveOffline(SKILL, "Add a section about rollback");
    expect(result.content).toContain("## Rollback\n\n<!-- TO FILL IN: Add a section about rollback");
    expect(result.applied).toEqual(["Added a section to fill in: Add a section about rollback"]);
    expect(result.notApplied).toEqual([]);
    expect(result.content.startsWith("---\nname: deploys\n")).toBe(true);
  });

  it("renames and removes sections", () => {
    const renamed = improveOffline(SKILL, "Rename the Steps section to Procedure");
    expect(renamed.content).toContain("## Procedure\n");
    expect(renamed.content).not.toContain("## Steps");
    const removed = improveOffline(SKILL, "Remove the Steps section");
    expect(removed.content).not.toContain("## Steps");
    expect(removed.content).toContain("## When to Use");
  });

  it("lists what it cannot do as not applied, in a marked To Do section, and changes nothing else", () => {
    const result = improveOffline(SKILL, "- Make the steps more thorough\n- Remove the Nonexistent section");
    expect(result.applied).toEqual([]);
    expect(result.notApplied).toEqual(["Make the steps more thorough", "Remove the Nonexistent section"]);
    expect(result.content).toContain(`## To Do\n\n<!-- ${FILL_MARKER}:`);
    expect(result.content).toContain("- [ ] Make the steps more thorough");
    expect(result.content.replace(/\n## To Do[\s\S]*$/, "").trimEnd()).toBe(SKILL.trimEnd());
  });

  it("the improveSkill step reports offline work honestly", () => {
    const output = STEPS.improveSkill.offline({
      skillContent: SKILL,
      instructions: "Add a section about monitoring. Explain the edge cases better.",
      findings: [],
      covers: ["When to Use", "Steps"],
    });
    expect(output.changesMade).toEqual(["Added a section to fill in: Add a section about monitoring."]);
    expect(output.notApplied).toEqual(["Explain the edge cases better."]);
    expect(output.reasoning).toMatch(/not rewritten/);
  });
});

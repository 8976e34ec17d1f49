import { describe, expect, it } from "vitest";
import { withDescription } from "@/server/workflows/eval/description-decision";
import { splitQueries } from "@/server/workflows/eval/tune";
import { textOf } from "@/server/skills/library/files";
import { files } from "../../support/library";

const queries = (should: number, shouldNot: number) => [
  ...Array.from({ length: should }, (_, i) => ({ query: `wanted request ${i}`, shouldTrigger: true })),
  ...Array.from({ length: shouldNot }, (_, i) => ({ query: `unrelated request ${i}`, shouldTrigger: false })),
];

describe("splitQueries", () => {
  it("holds out 40% of each kind, the same way every time, whatever the order", () => {
    const all = queries(6, 4);
    const split = splitQueries(all);
    expect(split?.test.filter((i) => all[i]?.shouldTrigger)).toHaveLength(2);
    expect(split?.test.filter((i) => !all[i]?.shouldTrigger)).toHaveLength(2);
    expect(split?.train).toHaveLength(6);
    expect(new Set([...(split?.train ?? []), ...(split?.test ?? [])]).size).toBe(10);
    const reversed = [...all].reverse();
    const again = splitQueries(reversed);
    const held = (s: typeof split, list: typeof all) => (s?.test ?? []).map((i) => list[i]?.query).sort();
    expect(held(again, reversed)).toEqual(held(split, all));
  });

  it("keeps a lone query of a kind for training, and gives up when nothing can be held out", () => {
    const split = splitQueries(queries(3, 1));
    expect(split?.test).toHaveLength(1);
    expect(split?.train).toHaveLength(3);
    expect(splitQueries(queries(1, 1))).toBeNull();
    expect(splitQueries(queries(2, 0))).toBeNull(); // one to train on is too few
  });
});

describe("withDescription", () => {
  it("replaces the description only: other keys, their order and the body are kept byte for byte", () => {
    const body = "\n# Title\n\nSteps: `a: b` and --- in text.\n";
    const skill = files({
      "SKILL.md": `---\nname: x\ndescription: old one\nlicense: MIT\nmetadata:\n  version: "2"\n---${body}`,
      "references/a.md": "ref",
    });
    const [md, ref] = withDescription(skill, "A new one: with a colon");
    expect(textOf(md ?? { bytes: new Uint8Array() })).toBe(
      `---\nname: x\ndescription: "A new one: with a colon"\nlicense: MIT\nmetadata:\n  version: "2"\n---${body}`,
    );
    expect(ref).toBe(skill[1]);
  });
});

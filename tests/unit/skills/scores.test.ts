import { describe, expect, it } from "vitest";
import {
  clarityScore,
  completenessScore,
  concisenessRecommendations,
  concisenessScore,
  examplesScore,
  heuristicReward,
  qualityScores,
  sizeAssessment,
  sizeRecommendations,
  structureScore,
  verbosityScore,
  wordCount,
} from "@/server/skills/scores";

const words = (n: number): string => Array.from({ length: n }, () => "word").join(" ");
/** n sentences of k words each. */
const sentences = (n: number, k: number, extra = ""): string =>
  Array.from({ length: n }, () => `${words(k)}${extra}.`).join(" ");

describe("(A) heuristic reward parts", () => {
  it("completeness: sections and frontmatter, each half", () => {
    expect(completenessScore("")).toBe(0);
    expect(completenessScore("---\nname: a\ndescription: b\n---\n## Instructions\n## Examples\n## When to Use\n")).toBe(
      1,
    );
    expect(completenessScore("---\nname: a\n---\n")).toBeCloseTo((0 + 0.75) / 2);
    expect(completenessScore("x".repeat(500) + "name: description:")).toBe(0);
    expect(completenessScore("when to use")).toBeCloseTo(1 / 6);
  });

  it("structure: heading counts 3 and 5, first heading level, lists", () => {
    expect(structureScore("# a\n## b\n")).toBeCloseTo(0.2);
    expect(structureScore("# a\n## b\n## c\n")).toBeCloseTo(0.5);
    expect(structureScore("### a\n## b\n## c\n## d\n## e\n")).toBeCloseTo(0.5);
    expect(structureScore("# a\n## b\n## c\n## d\n## e\n- item\n")).toBe(1);
    expect(structureScore("1. step\n")).toBeCloseTo(0.3);
    expect(structureScore("#not-a-heading\n")).toBe(0);
  });

  it("clarity: sentence length bands 15/20/25 and the passive score", () => {
    expect(clarityScore("")).toBe(0);
    expect(clarityScore(sentences(2, 15))).toBe(1);
    expect(clarityScore(sentences(2, 16))).toBeCloseTo(0.9);
    expect(clarityScore(sentences(2, 20))).toBeCloseTo(0.9);
    expect(clarityScore(sentences(2, 21))).toBeCloseTo(0.8);
    expect(clarityScore(sentences(2, 25))).toBeCloseTo(0.8);
    expect(clarityScore(sentences(2, 26))).toBeCloseTo(0.7);
    expect(clarityScore("It is used. It is done.")).toBeCloseTo(0.5);
    expect(clarityScore("```\na. b. c. d. e. f\n```\nOne short sentence.")).toBe(1);
  });

  it("examples: 1, 2 and 3 blocks, inline spans, the word example; capped at 1", () => {
    const block = "```\ncode\n```\n";
    expect(examplesScore("")).toBe(0);
    expect(examplesScore(block)).toBeCloseTo(0.3);
    expect(examplesScore(block.repeat(2))).toBeCloseTo(0.5);
    expect(examplesScore(block.repeat(3))).toBeCloseTo(0.7);
    expect(examplesScore("`a` `b`")).toBe(0);
    expect(examplesScore("`a` `b` `c`")).toBeCloseTo(0.15);
    expect(examplesScore(`${block.repeat(3)}\`a\` \`b\` \`c\` Example`)).toBe(1);
  });

  it("conciseness: the 500 / 2500 / 5000 word boundaries", () => {
    expect(concisenessScore(0)).toBe(0);
    expect(concisenessScore(499)).toBeCloseTo(0.499);
    expect(concisenessScore(500)).toBe(1);
    expect(concisenessScore(2500)).toBe(1);
    expect(concisenessScore(3750)).toBeCloseTo(0.85);
    expect(concisenessScore(5000)).toBeCloseTo(0.7);
    expect(concisenessScore(5001)).toBeCloseTo(0.6998);
    expect(concisenessScore(8000)).toBeCloseTo(0.4);
    expect(concisenessScore(20000)).toBe(0.4);
  });

  it("combines the parts with weights .25/.2/.2/.2/.15, rounded to 3 places", () => {
    const content =
      "---\nname: a\ndescription: b\n---\n# T\n## Instructions\n## Examples\n## When to use\n- x\n```\nc\n```\nShort sentence here.";
    const reward = heuristicReward(content);
    const expected =
      0.25 * reward.completeness +
      0.2 * reward.structure +
      0.2 * reward.clarity +
      0.2 * reward.examples +
      0.15 * reward.conciseness;
    expect(reward.score).toBe(Number(expected.toFixed(3)));
    expect(reward.score).toBeGreaterThan(0);
    expect(reward.score).toBeLessThanOrEqual(1);
  });
});

describe("(B) rule-based add-ons", () => {
  it("word count is whitespace tokens", () => {
    expect(wordCount("")).toBe(0);
    expect(wordCount("  a \n b\tc  ")).toBe(3);
  });

  it("size assessment: < 3000 optimal, < 5000 acceptable, else too large", () => {
    expect(sizeAssessment(2999)).toBe("optimal");
    expect(sizeAssessment(3000)).toBe("acceptable");
    expect(sizeAssessment(4999)).toBe("acceptable");
    expect(sizeAssessment(5000)).toBe("too_large");
  });

  it("verbosity: sentence-length part from 10 to 30 words, filler part saturating at a 0.2 ratio", () => {
    expect(verbosityScore("")).toBe(0);
    expect(verbosityScore(sentences(4, 10))).toBe(0);
    expect(verbosityScore(sentences(4, 20))).toBe(0.3);
    expect(verbosityScore(sentences(4, 30))).toBe(0.6);
    expect(verbosityScore(sentences(4, 60))).toBe(0.6);
    const oneFillerInTen = `${sentences(9, 10)} in order to ${words(7)}.`;
    expect(verbosityScore(oneFillerInTen)).toBe(0.2);
    const allFillers = Array.from({ length: 5 }, () => `it should be noted that ${words(26)}.`).join(" ");
    expect(verbosityScore(allFillers)).toBe(1);
  });

  it("size recommendations only for acceptable and too large", () => {
    expect(sizeRecommendations(2999)).toEqual([]);
    expect(sizeRecommendations(3000)[0]).toMatch(/progressive disclosure/);
    expect(sizeRecommendations(5000)[0]).toMatch(/^Skill is 5000 words \(recommended: <5000\)/);
  });

  it("conciseness recommendations at verbosity > 0.7, > 0.5 and for it is / there are", () => {
    expect(concisenessRecommendations("Plain text.", 0.5)).toEqual([]);
    expect(concisenessRecommendations("Plain text.", 0.51)).toHaveLength(1);
    expect(concisenessRecommendations("Plain text.", 0.71)[0]).toMatch(/filler/);
    expect(concisenessRecommendations("There are many ways.", 0)).toHaveLength(1);
  });

  it("qualityScores bundles everything for a report", () => {
    const scores = qualityScores(`${words(3000)}.`);
    expect(scores.wordCount).toBe(3000);
    expect(scores.sizeAssessment).toBe("acceptable");
    expect(scores.recommendations.length).toBeGreaterThan(0);
  });
});

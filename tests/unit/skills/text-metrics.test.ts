import { describe, expect, it } from "vitest";
import { fencedBlockCount, sizeAssessment, verbosityScore, wordCount } from "@/server/skills/text-metrics";

const words = (n: number): string => Array.from({ length: n }, () => "word").join(" ");
/** n sentences of k words each. */
const sentences = (n: number, k: number, extra = ""): string =>
  Array.from({ length: n }, () => `${words(k)}${extra}.`).join(" ");

/** The plain text metrics behind the size and verbosity rules and the preview's facts. */
describe("text metrics", () => {
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

  it("counts fenced blocks", () => {
    expect(fencedBlockCount("no code")).toBe(0);
    expect(fencedBlockCount("```\na\n```\ntext\n```bash\nb\n```")).toBe(2);
  });
});

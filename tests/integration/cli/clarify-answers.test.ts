import { describe, expect, it } from "vitest";
import { parseQuestionAnswer } from "../../../cli/clarify-prompt";
import type { Question } from "../../../contracts/checkpoints";

/** How a typed line becomes a clarify answer (the part of the dialogue the journeys above cannot enumerate). */
const options = [
  { id: "a", label: "Alpha" },
  { id: "b", label: "Beta" },
  { id: "c", label: "Gamma" },
];
const question = (questionType: Question["questionType"], allowsOther = false, opts = options): Question => ({
  id: "q",
  text: "?",
  questionType,
  options: opts,
  allowsOther,
});

describe("parseQuestionAnswer", () => {
  it("single choice: one number in range; other text only when allowed", () => {
    expect(parseQuestionAnswer(question("single"), "2")).toEqual({ selected: ["b"] });
    expect(parseQuestionAnswer(question("single"), "4")).toBe("invalid");
    expect(parseQuestionAnswer(question("single"), "1,2")).toBe("invalid");
    expect(parseQuestionAnswer(question("single"), "my own")).toBe("invalid");
    expect(parseQuestionAnswer(question("single", true), "my own")).toEqual({ selected: [], text: "my own" });
  });

  it("multi choice: several numbers, commas or spaces, duplicates once", () => {
    expect(parseQuestionAnswer(question("multi"), "1, 3 3")).toEqual({ selected: ["a", "c"] });
    expect(parseQuestionAnswer(question("multi"), "1,0")).toBe("invalid");
  });

  it("yes/no without options; boolean with options uses them; text takes the line; empty skips", () => {
    expect(parseQuestionAnswer(question("boolean", false, []), "Y")).toEqual({ selected: ["yes"] });
    expect(parseQuestionAnswer(question("boolean", false, []), "no")).toEqual({ selected: ["no"] });
    expect(parseQuestionAnswer(question("boolean", false, []), "maybe")).toBe("invalid");
    expect(
      parseQuestionAnswer(
        question("boolean", false, [
          { id: "yes", label: "Yes" },
          { id: "no", label: "No" },
        ]),
        "2",
      ),
    ).toEqual({ selected: ["no"] });
    expect(parseQuestionAnswer(question("text"), "12")).toEqual({ selected: [], text: "12" });
    expect(parseQuestionAnswer(question("single"), "")).toBe("skip");
  });
});

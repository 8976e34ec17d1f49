import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cleanJsonObject, cleanString, jsonTextProblem, textProblem } from "../../../contracts/text";
import { zodErrorSentence } from "../../../server/trpc/error-message";
import { validateInput } from "../../../server/trpc/routers/skills/schemas";

describe("text rules (contracts/text.ts)", () => {
  it.each([
    ["plain text with tabs\tand\nnew lines\r\n and emoji 🧪", null],
    ["a\u0000b", "contains a NUL byte"],
    ["bell\u0007", "contains a control character"],
    ["delete\u007f", "contains a control character"],
    ["escape \u001b[2J", "contains a control character"],
    ["lone high \ud800 surrogate", "contains an unpaired UTF-16 surrogate (not valid Unicode)"],
    ["lone low \udc00 surrogate", "contains an unpaired UTF-16 surrogate (not valid Unicode)"],
    ["reversed pair \udc00\ud800", "contains an unpaired UTF-16 surrogate (not valid Unicode)"],
  ])("%j → %s", (text, problem) => {
    expect(textProblem(text)).toBe(problem);
  });

  it("finds the first bad key or string inside JSON, with its path, and bounds the nesting", () => {
    expect(jsonTextProblem({ answers: [{ text: "ok" }, { text: "bad\u0000" }] })).toEqual({
      path: ["answers", 1, "text"],
      message: "contains a NUL byte",
    });
    expect(jsonTextProblem({ "k\u0001": 1 })?.message).toBe("has a key that contains a control character");
    let deep: unknown = "leaf";
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(jsonTextProblem({ deep })?.message).toBe("nests deeper than 16 levels");
    expect(jsonTextProblem({ action: "proceed", feedback: "fine ✓" })).toBeNull();
  });

  it("refuses through zod with the field's path", () => {
    const result = z.object({ q: cleanString() }).safeParse({ q: "x\u0000" });
    expect(result.success || result.error.issues[0]).toMatchObject({ path: ["q"], message: "contains a NUL byte" });
    const answer = cleanJsonObject.safeParse({ feedback: "\ud800" });
    expect(answer.success || answer.error.issues[0]?.path).toEqual(["feedback"]);
  });
});

describe("input errors as sentences (server/trpc/error-message.ts)", () => {
  const sentence = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value);
    if (result.success) throw new Error("expected a failure");
    return zodErrorSentence(result.error);
  };

  it("names the field, keeps messages written for it, and ends with a full stop", () => {
    const schema = z.object({ task: z.string().min(10, "task must be at least 10 characters"), n: z.number() });
    expect(sentence(schema, { task: "short", n: 1 })).toBe("task must be at least 10 characters.");
    expect(sentence(schema, { task: "long enough task", n: "1" })).toBe(
      "n: invalid input: expected number, received string.",
    );
  });

  it("lists at most three problems and counts the rest", () => {
    const schema = z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.string(), e: z.string() });
    expect(sentence(schema, {})).toMatch(/^a: .*; b: .*; c: .* \(and 2 more problems\)\.$/);
  });

  it("reports the union branch the caller meant, not 'invalid input'", () => {
    expect(sentence(validateInput, { content: "x".repeat(2_000_001) })).toBe(
      "content must be at most 2,000,000 characters.",
    );
    expect(sentence(validateInput, { zipBase64: "%%%" })).toBe("zipBase64 must be base64.");
  });
});

import { describe, expect, it } from "vitest";
import { sanitizeForLog } from "../../../server/common/sanitize";

describe("sanitizeForLog", () => {
  it("flattens newlines so user text cannot forge log lines", () => {
    expect(sanitizeForLog('task\n{"level":50,"msg":"fake"}\r\nmore')).toBe('task {"level":50,"msg":"fake"} more');
  });

  it("removes ANSI escapes and control characters", () => {
    expect(sanitizeForLog("\u001b[31mred\u001b[0m\u0007 bell\u0000 nul\u202e rtl")).toBe("red bell nul rtl");
  });

  it("masks API keys, bearer tokens, key=value secrets and URL credentials", () => {
    const masked = sanitizeForLog(
      "key sk-proj-abcdefghijklmnop1234 auth Bearer abc.def.ghi123 api_key=hunter22 postgresql://me:pw@db/app AIzaSyA1234567890abcdefghijk",
    );
    expect(masked).not.toMatch(/abcdefghijklmnop1234|abc\.def\.ghi123|hunter22|me:pw|AIzaSyA1234567890/);
    expect(masked).toContain("postgresql://***:***@db/app");
    expect(masked).toContain("Bearer ***");
    expect(masked).toContain("api_key=***");
  });

  it("caps the length and says how much was cut", () => {
    const out = sanitizeForLog("x".repeat(600), 100);
    expect(out).toBe(`${"x".repeat(100)}…[+500 chars]`);
  });

  it("stringifies objects and errors", () => {
    expect(sanitizeForLog({ a: "b\nc" })).toBe('{"a":"b\\nc"}');
    expect(sanitizeForLog(new TypeError("bad\nthing"))).toBe("TypeError: bad thing");
  });
});

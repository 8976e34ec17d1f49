import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/common/errors";
import {
  composeSkillMd,
  normaliseFrontmatter,
  parseSkillMd,
  serializeSkillMd,
  splitSkillMd,
} from "@/server/skills/skill-md";

const bodies = [
  "\n# Title\n\nText.\n",
  "no newline at the end",
  "",
  "\r\n# CRLF body\r\n\r\n- item\r\n",
  "   \n\n\nleading blank lines and trailing spaces   \n\n",
  "# Unicode: naïve café 日本語 🚀\n",
  "a line with --- inside\n---\nand a horizontal rule above\n",
  "```yaml\nname: not-frontmatter\n---\n```\n",
  "\ttabs\tand\u0000odd\u2028characters\n",
];

describe("SKILL.md round trip", () => {
  it.each(bodies.map((body) => [JSON.stringify(body).slice(0, 40), body]))(
    "keeps the body byte for byte: %s",
    (_label, body) => {
      const doc = {
        frontmatter: { name: "round-trip", description: "Use when testing", metadata: { version: "1.0.0" } },
        body,
      };
      const text = serializeSkillMd(doc);
      const parsed = parseSkillMd(text);
      expect(parsed.body).toBe(body);
      expect(parsed.frontmatter).toEqual(doc.frontmatter);
      expect(serializeSkillMd(parsed)).toBe(text);
    },
  );

  it("keeps a hand-written file's body exactly, whatever its frontmatter formatting", () => {
    const text = "---\r\nname:   spaced   \r\ndescription: 'quoted'\r\n---\r\n\r\n# Body\r\n";
    const parsed = parseSkillMd(text);
    expect(parsed.frontmatter).toEqual({ name: "spaced", description: "quoted" });
    expect(parsed.body).toBe("\r\n# Body\r\n");
    expect(parseSkillMd(serializeSkillMd(parsed)).body).toBe(parsed.body);
  });

  it("keeps frontmatter key order and does not fold long descriptions", () => {
    const description = "Use when ".padEnd(300, "x");
    const text = serializeSkillMd({ frontmatter: { name: "a", description, zeta: "1", alpha: "2" }, body: "" });
    expect(text).toBe(`---\nname: a\ndescription: ${description}\nzeta: "1"\nalpha: "2"\n---\n`);
  });

  it("ends the frontmatter at the first line that is exactly ---", () => {
    const split = splitSkillMd("---\ndescription: a---b\n---\nbody\n---\nmore\n");
    expect(split).toMatchObject({
      kind: "ok",
      yamlText: "description: a---b\n",
      body: "body\n---\nmore\n",
      bodyFirstLine: 4,
    });
  });
});

describe("strict parsing", () => {
  const cases: [string, string, RegExp][] = [
    ["missing frontmatter", "# Just markdown\n", /must start with a YAML frontmatter/],
    ["unclosed frontmatter", "---\nname: a\n", /not closed/],
    ["duplicate keys", "---\nname: a\ndescription: b\nname: c\n---\n", /not valid YAML \(line 4\).*unique/],
    ["bad YAML", "---\nname: [unclosed\n---\n", /not valid YAML/],
    ["a list", "---\n- a\n- b\n---\n", /must be a YAML mapping/],
    ["a scalar", "---\njust text\n---\n", /must be a YAML mapping/],
    ["empty frontmatter", "---\n---\nbody\n", /must be a YAML mapping/],
  ];
  it.each(cases)("%s is a BAD_REQUEST", (_label, text, message) => {
    let caught: unknown;
    try {
      parseSkillMd(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe("BAD_REQUEST");
    expect((caught as DomainError).message).toMatch(message);
  });

  it("refuses alias bombs instead of expanding them", () => {
    const bomb = [
      "---",
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
      "---",
      "",
    ].join("\n");
    expect(() => parseSkillMd(bomb)).toThrow(/resource exhaustion/);
  });
});

describe("system-written frontmatter (docs/skill-format.md, SKILL.md)", () => {
  it("orders name, description, other keys, merged metadata, then allowed-tools", () => {
    const existing = {
      "allowed-tools": ["Read", "Bash"],
      license: "MIT",
      name: "old",
      metadata: { author: "jane", version: "0.1.0" },
      description: "old",
      model: "x",
    };
    const out = normaliseFrontmatter(existing, {
      name: "new-name",
      description: "Use when testing",
      metadata: { skill_id: "a/new-name", version: "1.0.0", type: "technical", weight: "" },
    });
    expect(Object.keys(out)).toEqual(["name", "description", "license", "model", "metadata", "allowed-tools"]);
    expect(out.metadata).toEqual({ author: "jane", version: "1.0.0", skill_id: "a/new-name", type: "technical" });
    expect(out["allowed-tools"]).toBe("Read Bash");
  });

  it("lets metadata's allowed tools win, truncates the description to 1024 characters and flattens non-string metadata", () => {
    const out = normaliseFrontmatter(
      { "allowed-tools": "Read", metadata: { tags: ["a", "b"], count: 3 } },
      { name: "n", description: "é".repeat(1100), allowedTools: ["Grep", "Glob"] },
    );
    expect(Array.from(String(out.description)).length).toBe(1024);
    expect(out["allowed-tools"]).toBe("Grep Glob");
    expect(out.metadata).toEqual({ tags: "a, b", count: "3" });
  });

  it("composes ---, one blank line, then the body without its leading newlines", () => {
    expect(composeSkillMd({ name: "n", description: "d" }, "\n\n\n# Body\n")).toBe(
      "---\nname: n\ndescription: d\n---\n\n# Body\n",
    );
  });
});

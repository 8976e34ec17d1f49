import fs from "node:fs/promises";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startWorkflowHarness, type WorkflowHarness } from "../../support/workflow-harness";

/**
 * MCP `validate_skill` with a folder's files, over streamable HTTP against the app's `/api/mcp` route handler (the
 * in-process harness, so no production build is needed): keys written from inside the folder (`SKILL.md`) and keys
 * under one folder (`csv-summary/SKILL.md`) give the same report, and a map that mixes the two is refused.
 */
const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/skills/valid/csv-summary");
const INNER = ["SKILL.md", "references/columns.md", "examples/basic.md"];

let h: WorkflowHarness;
let client: Client;
let bare: Record<string, string>;
let nested: Record<string, string>;

beforeAll(async () => {
  h = await startWorkflowHarness();
  client = new Client({ name: "mcp-validate-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${h.app.url}/api/mcp`), {
    requestInit: { headers: { "x-user-id": "mcp-validator" } },
  });
  await client.connect(transport);
  const texts = await Promise.all(INNER.map((file) => fs.readFile(path.join(FIXTURE, file), "utf8")));
  bare = Object.fromEntries(INNER.map((file, i) => [file, texts[i] ?? ""]));
  nested = Object.fromEntries(INNER.map((file, i) => [`csv-summary/${file}`, texts[i] ?? ""]));
}, 120_000);
afterAll(async () => {
  await client?.close();
  await h?.close();
});

const report = z.object({
  passed: z.boolean(),
  findings: z.array(z.object({ ruleId: z.string(), message: z.string() }).loose()),
});

const validate = async (args: Record<string, unknown>) =>
  (await client.callTool({ name: "validate_skill", arguments: args })) as CallToolResult;

function reportOf(result: CallToolResult): z.infer<typeof report> {
  const first = result.content[0];
  expect(result.isError ? first : "ok").toBe("ok");
  return report.parse(JSON.parse(first?.type === "text" ? first.text : "null"));
}

function errorText(result: CallToolResult): string {
  expect(result.isError).toBe(true);
  const first = result.content[0];
  return first?.type === "text" ? first.text : "";
}

describe("MCP validate_skill with files", () => {
  it("takes bare keys (SKILL.md, references/…) and gives the report the folder-keyed map gives", async () => {
    const fromInside = reportOf(await validate({ files: bare }));
    const underFolder = reportOf(await validate({ files: nested }));
    expect(fromInside.findings.map((finding) => finding.ruleId)).not.toContain("spec/skill-md-present");
    expect(fromInside.passed).toBe(true);
    expect(fromInside).toEqual(underFolder);
  });

  it("takes a lone bare SKILL.md, and folderName names the folder for bare keys", async () => {
    const alone = reportOf(await validate({ files: { "SKILL.md": bare["SKILL.md"] } }));
    expect(alone.findings.filter((finding) => finding.ruleId.startsWith("spec/"))).toEqual([]);
    const renamed = reportOf(await validate({ files: bare, folderName: "other-folder" }));
    expect(renamed.passed).toBe(false);
    expect(renamed.findings).toContainEqual(
      expect.objectContaining({ ruleId: "spec/name-matches-folder", message: expect.stringContaining("other-folder") }),
    );
  });

  it("refuses a map that mixes the two shapes, naming the keys and both shapes", async () => {
    const twoSkillMds = errorText(await validate({ files: { ...bare, "csv-summary/SKILL.md": "x" } }));
    expect(twoSkillMds).toMatch(/^BAD_REQUEST: Ambiguous files: both "SKILL\.md" and "csv-summary\/SKILL\.md"/);
    expect(twoSkillMds).toContain('from inside the skill folder ("SKILL.md", "references/x.md")');
    expect(twoSkillMds).toContain('under one folder ("my-skill/SKILL.md", "my-skill/references/x.md")');
    const looseFile = errorText(await validate({ files: { ...nested, "LICENSE.txt": "MIT" } }));
    expect(looseFile).toMatch(/^BAD_REQUEST: Ambiguous files: "LICENSE\.txt" is not under the folder/);
    const disagreeing = errorText(await validate({ files: nested, folderName: "elsewhere" }));
    expect(disagreeing).toContain('folderName "elsewhere" disagrees with the folder the keys name ("csv-summary/")');
  });

  it("refuses content and files together, and neither", async () => {
    expect(errorText(await validate({ content: bare["SKILL.md"], files: bare }))).toBe(
      "BAD_REQUEST: Give either content or files, not both",
    );
    expect(errorText(await validate({}))).toMatch(/^BAD_REQUEST: Give content .* or files/);
  });

  it("its description says which shapes files takes", async () => {
    const { tools } = await client.listTools();
    const description = tools.find((tool) => tool.name === "validate_skill")?.description ?? "";
    expect(description).toContain('{"SKILL.md": …, "references/x.md": …}');
    expect(description).toContain('{"my-skill/SKILL.md": …, "my-skill/references/x.md": …}');
    expect(description).toContain("mixing the two is refused");
  });
});

describe("tRPC skills.validate reads files the same way", () => {
  it("bare keys validate like folder keys", async () => {
    const fromInside = await h.client.skills.validate.mutate({ files: bare });
    const underFolder = await h.client.skills.validate.mutate({ files: nested });
    expect(fromInside.passed).toBe(true);
    expect(fromInside.findings).toEqual(underFolder.findings);
  });
});

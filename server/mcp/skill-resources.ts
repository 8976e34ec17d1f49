import { ResourceTemplate, type McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError, type ReadResourceResult, type Resource } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { SkillLibrary, SkillSnapshot } from "../skills/library/index";
import { textOf } from "../skills/library/files";
import { parseSkillMd } from "../skills/skill-md";
import { assertServable, snapshotRisk } from "./skill-risk";

/**
 * The library as MCP resources, after the Skills extension (SEP-2640, `io.modelcontextprotocol/skills`): every
 * file of a skill's latest version is `skill://<skill path>/<file path>`, its SKILL.md `skill://<path>/SKILL.md`
 * (text/markdown, named and described from its frontmatter). `skills/list` and `skills/get` give each skill's
 * entry: its frontmatter and a manifest of its files with sha256 digests (docs/distribution.md).
 */
export const SKILLS_EXTENSION = "io.modelcontextprotocol/skills";
const SCHEME = "skill://";

export const skillUri = (skillPath: string, file = "SKILL.md"): string => `${SCHEME}${skillPath}/${file}`;

const MIME_TYPES: Record<string, string> = {
  md: "text/markdown",
  json: "application/json",
  py: "text/x-python",
  sh: "text/x-shellscript",
  txt: "text/plain",
  yaml: "application/yaml",
  yml: "application/yaml",
};

function mimeTypeOf(file: string): string {
  return MIME_TYPES[file.split(".").at(-1)?.toLowerCase() ?? ""] ?? "application/octet-stream";
}

function fileResources(snapshot: SkillSnapshot): Resource[] {
  return snapshot.files.map((file) => {
    const resource = { uri: skillUri(snapshot.skill.path, file.path), mimeType: mimeTypeOf(file.path) };
    return file.path === "SKILL.md"
      ? { ...resource, name: snapshot.version.name, description: snapshot.version.description }
      : { ...resource, name: `${snapshot.skill.path}/${file.path}` };
  });
}

async function liveSnapshots(library: SkillLibrary): Promise<SkillSnapshot[]> {
  const skills = (await library.list()).filter((skill) => skill.headNumber > 0);
  return Promise.all(skills.map((skill) => library.get(skill.path)));
}

/** `skill://a/b/references/x.md` → the live skill whose path is the longest prefix (`a/b`) and the file in it. */
async function locate(library: SkillLibrary, uri: string): Promise<{ snapshot: SkillSnapshot; file: string }> {
  const rest = uri.startsWith(SCHEME) ? uri.slice(SCHEME.length) : "";
  const paths = (await library.list()).map((skill) => skill.path).filter((path) => rest.startsWith(`${path}/`));
  const skillPath = paths.sort((a, b) => b.length - a.length)[0];
  if (!skillPath) throw new McpError(ErrorCode.InvalidParams, `Resource not found: ${uri}`);
  return { snapshot: await library.get(skillPath), file: rest.slice(skillPath.length + 1) };
}

async function readSkillFile(library: SkillLibrary, uri: string): Promise<ReadResourceResult> {
  const { snapshot, file } = await locate(library, uri);
  assertServable(snapshot, false);
  const found = snapshot.files.find((candidate) => candidate.path === file);
  if (!found) throw new McpError(ErrorCode.InvalidParams, `Resource not found: ${uri}`);
  const text = textOf(found);
  const mimeType = mimeTypeOf(file);
  return {
    contents: [
      text === null ? { uri, mimeType, blob: Buffer.from(found.bytes).toString("base64") } : { uri, mimeType, text },
    ],
  };
}

/**
 * One `Skill` entry of the extension: the SKILL.md's frontmatter as written, every file with its digest, and the
 * security scan's risk under `_meta` (where the protocol keeps implementation data).
 */
export function skillEntry(snapshot: SkillSnapshot, report = snapshotRisk(snapshot)) {
  const skillMd = snapshot.files.find((file) => file.path === "SKILL.md");
  const frontmatter = parseSkillMd((skillMd && textOf(skillMd)) ?? "").frontmatter;
  return {
    _meta: { "skill-fleet/security": { risk: report.risk, analysed: report.analysed } },
    uri: skillUri(snapshot.skill.path),
    frontmatter: { ...frontmatter, name: snapshot.version.name, description: snapshot.version.description },
    resources: snapshot.files.map((file) => ({
      uri: skillUri(snapshot.skill.path, file.path),
      digest: `sha256:${file.sha256}`,
      size: file.size,
    })),
  };
}

const listSkillsRequest = z.object({ method: z.literal("skills/list"), params: z.optional(z.object({}).loose()) });
const getSkillRequest = z.object({
  method: z.literal("skills/get"),
  params: z.object({ uri: z.string(), allowRisk: z.boolean().optional() }).loose(),
});

function registerSkillMethods(server: McpServer, library: SkillLibrary): void {
  server.server.setRequestHandler(listSkillsRequest, async () => ({
    skills: (await liveSnapshots(library)).map((snapshot) => skillEntry(snapshot)),
  }));
  server.server.setRequestHandler(getSkillRequest, async ({ params }) => {
    if (!params.uri.endsWith("/SKILL.md")) throw new McpError(ErrorCode.InvalidParams, "A skill URI ends in /SKILL.md");
    const { snapshot, file } = await locate(library, params.uri);
    if (file !== "SKILL.md") throw new McpError(ErrorCode.InvalidParams, `No skill at ${params.uri}`);
    return { skill: skillEntry(snapshot, assertServable(snapshot, params.allowRisk === true)) };
  });
}

export function registerSkillResources(server: McpServer, library: SkillLibrary): void {
  server.registerResource(
    "skill-files",
    new ResourceTemplate(`${SCHEME}{+file}`, {
      list: async () => ({ resources: (await liveSnapshots(library)).flatMap(fileResources) }),
    }),
    { title: "Skill files", description: "Every file of every library skill, SKILL.md first in each skill" },
    (uri) => readSkillFile(library, uri.href),
  );
  registerSkillMethods(server, library);
}

import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { cleanString } from "../../contracts/text";
import { badRequest } from "../common/errors";
import type { AppServices } from "../services";
import type { ValidationReport } from "../skills/validator";
import { answerInput } from "../trpc/routers/hitl/schemas";
import { jobDetail } from "../trpc/routers/jobs/get";
import { jobIdInput } from "../trpc/routers/jobs/schemas";
import { searchInput } from "../trpc/routers/library/schemas";
import { createInput } from "../trpc/routers/skills/schemas";
import { toolResult } from "./tool-result";
import type { McpCaller } from "./types";

/**
 * The library's MCP tools. Each one is the matching tRPC procedure's use case called with the same services, the
 * same caller and the same zod input schema (docs/distribution.md), so ownership, rate limits and input rules are
 * decided in one place: a job of someone else is NOT_FOUND here exactly as it is over tRPC.
 */

/** Dates and other class values become what JSON carries, so the structured content is plain data. */
const plain = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

function registerCreateSkill(server: McpServer, services: AppServices, caller: McpCaller): void {
  server.registerTool(
    "create_skill",
    {
      title: "Create a skill",
      description:
        "Start a job that turns a plain-language task into an Agent Skill. Returns the job id and its page URL; " +
        "follow it with get_job and answer its checkpoints with answer_checkpoint.",
      inputSchema: createInput,
    },
    (input) =>
      toolResult(async () => {
        services.limits.jobs.take(caller.userId);
        const job = await services.skillJobs.start(caller.userId, input);
        return { jobId: job.id, status: job.status, url: `${caller.publicUrl}/jobs/${job.id}` };
      }),
  );
}

function registerJobTools(server: McpServer, services: AppServices, caller: McpCaller): void {
  server.registerTool(
    "get_job",
    {
      title: "Get a job",
      description: "A job's status, phase, pending checkpoint (with its id and what it asks), result and draft.",
      inputSchema: jobIdInput,
    },
    ({ jobId }) => toolResult(async () => plain(await jobDetail(services, caller.userId, jobId))),
  );
  server.registerTool(
    "answer_checkpoint",
    {
      title: "Answer a checkpoint",
      description:
        'Answer a job\'s pending checkpoint (get_job shows its id, type and schema), e.g. {"action":"proceed"}.',
      inputSchema: answerInput,
    },
    ({ jobId, checkpointId, response }) =>
      toolResult(async () => ({
        status: await services.jobs.answer(caller.userId, jobId, checkpointId, response),
      })),
  );
}

/** The validate tool takes a SKILL.md text or a folder's text files (an MCP tool's input is one JSON object). */
const validateToolInput = z.strictObject({
  content: cleanString().max(2_000_000, "content must be at most 2,000,000 characters").optional(),
  folderName: cleanString().max(128, "folderName must be at most 128 characters").optional(),
  files: z.record(cleanString().max(512), cleanString().max(2_000_000)).optional(),
});

/** Says exactly which shapes `files` takes, since a model calling the tool has only this text to go by. */
const VALIDATE_DESCRIPTION =
  "Validate an Agent Skill. Give either `content` (one SKILL.md text) or `files` (a skill folder's text files, " +
  "path → text), not both; `folderName` optionally names the folder (checked against the skill's name). `files` " +
  'keys take one of two shapes: from inside the skill folder ({"SKILL.md": …, "references/x.md": …}) or all ' +
  'under one folder ({"my-skill/SKILL.md": …, "my-skill/references/x.md": …}); a map mixing the two is refused. ' +
  'A key ending in "/" is an empty directory. Returns the validation report (passed, findings, scores).';

type ValidateToolInput = z.infer<typeof validateToolInput>;

function runValidateTool(services: AppServices, { content, folderName, files }: ValidateToolInput): ValidationReport {
  if (files !== undefined && content !== undefined) throw badRequest("Give either content or files, not both");
  if (files !== undefined) return services.validation.files(files, { folderName });
  if (content === undefined) throw badRequest("Give content (a SKILL.md text) or files (a skill folder's files)");
  return services.validation.content(content, { folderName });
}

function registerValidateAndSearch(server: McpServer, services: AppServices, caller: McpCaller): void {
  server.registerTool(
    "validate_skill",
    { title: "Validate a skill", description: VALIDATE_DESCRIPTION, inputSchema: validateToolInput },
    (input) =>
      toolResult(async () => {
        services.limits.validations.take(caller.userId);
        return plain(runValidateTool(services, input));
      }),
  );
  server.registerTool(
    "search_skills",
    {
      title: "Search the library",
      description: "Full-text search over the library's skills; each hit names its skill:// SKILL.md resource.",
      inputSchema: searchInput,
    },
    ({ q }) =>
      toolResult(async () => ({
        items: (await services.library.list({ q })).map(({ path, name, description, tags }) => ({
          path,
          name,
          description,
          tags,
          uri: `skill://${path}/SKILL.md`,
        })),
      })),
  );
}

export function registerLibraryTools(server: McpServer, services: AppServices, caller: McpCaller): void {
  registerCreateSkill(server, services, caller);
  registerJobTools(server, services, caller);
  registerValidateAndSearch(server, services, caller);
}

import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { cleanString } from "../../contracts/text";
import type { AppServices } from "../services";
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

function registerValidateAndSearch(server: McpServer, services: AppServices, caller: McpCaller): void {
  server.registerTool(
    "validate_skill",
    {
      title: "Validate a skill",
      description: "Validate a SKILL.md (`content`, optional `folderName`) or a skill folder's files (`files`).",
      inputSchema: validateToolInput,
    },
    ({ content, folderName, files }) =>
      toolResult(async () => {
        services.limits.validations.take(caller.userId);
        if (files) return plain(await services.validation.files(files));
        return plain(await services.validation.content(content ?? "", { folderName }));
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

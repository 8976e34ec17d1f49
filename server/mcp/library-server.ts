import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { AppServices } from "../services";
import { registerSkillResources, SKILLS_EXTENSION } from "./skill-resources";
import { registerLibraryTools } from "./tools";
import type { McpCaller } from "./types";

/**
 * The library's MCP server for one caller: the skills as resources and the job tools (docs/distribution.md). Built
 * per request by the HTTP edge (app/api/mcp/route.ts), which has already decided who is calling.
 */
export function libraryMcpServer(services: AppServices, caller: McpCaller): McpServer {
  const server = new McpServer(
    { name: "skill-fleet", version: "0.1.0" },
    {
      capabilities: { resources: {}, tools: {}, extensions: { [SKILLS_EXTENSION]: {} } },
      instructions:
        "Skill Fleet's skill library. Read skills as skill://<path>/SKILL.md resources (skills/list lists them), " +
        "search with search_skills, and create new ones with create_skill, get_job and answer_checkpoint.",
    },
  );
  registerSkillResources(server, services.library);
  registerLibraryTools(server, services, caller);
  return server;
}

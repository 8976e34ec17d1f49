/**
 * The agents `skill-fleet install` writes into, and where each loads skills from per its own documentation
 * (README, "Install skills into agents", cites each source). A project folder is relative to the project root, a
 * user folder to the home folder. Shared by the CLI and the library page's install commands.
 */
export const AGENTS = {
  "claude-code": { label: "Claude Code", project: ".claude/skills", user: ".claude/skills" },
  codex: { label: "Codex", project: ".agents/skills", user: ".agents/skills" },
  copilot: { label: "GitHub Copilot", project: ".github/skills", user: ".copilot/skills" },
  cursor: { label: "Cursor", project: ".cursor/skills", user: ".cursor/skills" },
  "gemini-cli": { label: "Gemini CLI", project: ".gemini/skills", user: ".gemini/skills" },
  opencode: { label: "OpenCode", project: ".opencode/skills", user: ".config/opencode/skills" },
  generic: { label: "Any agent (.agents/skills)", project: ".agents/skills", user: ".agents/skills" },
} as const;

export type AgentId = keyof typeof AGENTS;
export const AGENT_IDS = Object.keys(AGENTS) as AgentId[];

/** The command that installs a library skill for an agent (shown with a copy button on the library page). */
export const installCommand = (skillPath: string, agent: AgentId): string =>
  `skill-fleet install ${skillPath} --agent ${agent}`;

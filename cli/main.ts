import { readFileSync } from "node:fs";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { USER_ID_PATTERN, USER_ID_RULE } from "../contracts/caller";
import { DEFAULT_EVAL_RUNS, MAX_EVAL_RUNS } from "../contracts/eval-result";
import { JOB_STATUSES } from "../contracts/job-status";
import { RISK_LEVELS } from "../contracts/security-report";
import { createSkillFleetClient } from "./client";
import { createCommand, type CreateFlags } from "./commands/create";
import { evalCommand, type EvalFlags } from "./commands/eval";
import { listCommand, promoteCommand, showCommand, xmlCommand, type ListFlags } from "./commands/jobs";
import { installCommand, type InstallFlags } from "./commands/install";
import { exportCommand, importCommand, versionsCommand } from "./commands/library";
import { mcpCommand } from "./commands/mcp";
import { scanCommand, type ScanFlags } from "./commands/scan";
import { checkCommand, updateCommand, type SyncFlags } from "./commands/sync";
import { validateCommand } from "./commands/validate";
import type { CommandContext } from "./context";
import { CliError, describeError } from "./errors";
import { AGENT_IDS } from "./install/agents";
import { Terminal } from "./terminal";

/**
 * `skill-fleet`: a terminal client of a running Skill Fleet server over its tRPC API (README, CLI; reference
 * §8.1). It never touches the database. `main` returns the exit code; bin/skill-fleet.mjs runs it.
 */
export const DEFAULT_URL = "http://127.0.0.1:3000";

function parseUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:"))
    throw new InvalidArgumentError("must be an http(s) URL");
  return value.replace(/\/+$/, "");
}

function checkedUrl(value: string): string {
  try {
    return parseUrl(value);
  } catch {
    throw new CliError(
      `the server URL must be an http(s) URL, got ${JSON.stringify(value)} (--url or SKILL_FLEET_URL)`,
    );
  }
}

function parseUser(value: string): string {
  if (!USER_ID_PATTERN.test(value)) throw new InvalidArgumentError(USER_ID_RULE);
  return value;
}

/** A token is sent as a header: one line of printable ASCII, nothing that could split or forge a header. */
function parseToken(value: string): string {
  if (!/^[\x21-\x7e]{1,200}$/.test(value)) throw new InvalidArgumentError("a token is printable ASCII without spaces");
  return value;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new InvalidArgumentError("a whole number from 1 to 100");
  return limit;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}

type Run = (command: Command, action: (ctx: CommandContext) => Promise<number>) => Promise<void>;

/** Runs one command with the global options; any failure becomes one message on stderr and exit 1. */
function runner(setExitCode: (code: number) => void): Run {
  return async (command, action) => {
    const globals = command.optsWithGlobals<{ url: string; user?: string; token?: string; json?: boolean }>();
    const term = new Terminal(!!globals.json);
    try {
      // --url is checked by commander; a default from SKILL_FLEET_URL is checked here.
      const url = checkedUrl(globals.url);
      const identity = { userId: globals.user, token: globals.token };
      const client = createSkillFleetClient(url, identity);
      setExitCode(await action({ client, term, url, identity }));
    } catch (error) {
      const { message, exitCode } = describeError(error, globals.url);
      term.error(`error: ${message}`);
      setExitCode(exitCode);
    } finally {
      term.close();
    }
  };
}

function addCreate(program: Command, run: Run): void {
  program
    .command("create")
    .description("create a skill from a task description and follow the job, answering its checkpoints here")
    .argument("<task>", "what the skill should do (10–20,000 characters)")
    .option("--confirm-plan", "stop to confirm the plan")
    .option("--preview", "stop to preview the content")
    .option("--review", "stop to review the validation")
    .option("--stream", "show the model's tokens as they stream")
    .option("--auto-approve", "answer every checkpoint automatically (no clarifications, proceed)")
    .option("--json", "print the final job as JSON (progress goes to stderr)")
    .action((task: string, flags: CreateFlags, command: Command) =>
      run(command, (ctx) => createCommand(ctx, task, flags)),
    );
}

function addValidateAndPromote(program: Command, run: Run): void {
  program
    .command("validate")
    .description("validate a SKILL.md, a skill folder or a .zip of one (exit 1 when it does not pass)")
    .argument("<path>", "SKILL.md file, skill folder or .zip")
    .option("--json", "print the report as JSON")
    .action((target: string, flags: { json?: boolean }, command: Command) =>
      run(command, (ctx) => validateCommand(ctx, target, flags)),
    );
  program
    .command("scan")
    .description(
      "scan a SKILL.md, a skill folder or a .zip for what could hijack an agent (locally; exit 1 at --fail-on)",
    )
    .argument("<path>", "SKILL.md file, skill folder or .zip")
    .option("--json", "print { risk, analysed, findings } as JSON")
    .option("--sarif", "print SARIF 2.1.0 (GitHub code scanning)")
    .addOption(
      new Option("--fail-on <risk>", "exit 1 when the risk reaches this level")
        .choices(RISK_LEVELS.filter((level) => level !== "none"))
        .default("high"),
    )
    .action((target: string, flags: ScanFlags, command: Command) =>
      run(command, (ctx) => scanCommand(ctx, target, flags, version())),
    );
  program
    .command("promote")
    .description("promote a job's draft into the skill library")
    .argument("<jobId>", "the job whose draft to promote")
    .option("--overwrite", "add it on top of a skill that changed (or exists) at that path, as its next version")
    .option("--force", "promote although validation did not pass (pending_review)")
    .action((jobId: string, flags: { overwrite?: boolean; force?: boolean }, command: Command) =>
      run(command, (ctx) => promoteCommand(ctx, jobId, flags)),
    );
}

function addQueries(program: Command, run: Run): void {
  program
    .command("list")
    .description("list your jobs, newest first")
    .addOption(new Option("--status <status>", "only jobs in this status").choices(JOB_STATUSES))
    .option("-q, --query <text>", "full-text search over the task and the skill's name and description")
    .option("--limit <n>", "how many (1–100, default 20)", parseLimit)
    .option("--cursor <jobId>", "continue after this job (printed at the end of a full page)")
    .option("--json", "print the page as JSON")
    .action((flags: ListFlags & { query?: string }, command: Command) =>
      run(command, (ctx) => listCommand(ctx, { ...flags, q: flags.query })),
    );
  program
    .command("xml")
    .description("print the library as <available_skills> XML")
    .action((_flags: unknown, command: Command) => run(command, (ctx) => xmlCommand(ctx)));
  program
    .command("show")
    .description("show a job's status and result")
    .argument("<jobId>", "the job")
    .option("--json", "print the job as JSON")
    .action((jobId: string, flags: { json?: boolean }, command: Command) =>
      run(command, (ctx) => showCommand(ctx, jobId, flags)),
    );
}

function parseRuns(value: string): number {
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_EVAL_RUNS)
    throw new InvalidArgumentError(`a whole number from 1 to ${MAX_EVAL_RUNS}`);
  return runs;
}

function addEval(program: Command, run: Run): void {
  program
    .command("eval")
    .description(
      "run a skill's evals (with and without it, and its triggers) on the server's model and print the figures",
    )
    .argument("<jobId|path>", "a job whose draft to evaluate, or a library skill's path")
    .option("--runs <n>", `runs per case (1–${MAX_EVAL_RUNS}, default ${DEFAULT_EVAL_RUNS})`, parseRuns)
    .addOption(
      new Option(
        "--skill-version <n>",
        "the library version to evaluate (written --version <n>; default: the latest)",
      ).argParser(parseVersion),
    )
    .option(
      "--compare-with <n>",
      "run the baseline with this library version instead of without the skill",
      parseVersion,
    )
    .option("--no-tune", "do not propose a better description from the trigger evals")
    .option("--json", "print the result as JSON (progress goes to stderr)")
    .action((target: string, flags: EvalFlags & { skillVersion?: number }, command: Command) =>
      run(command, (ctx) => evalCommand(ctx, target, { ...flags, version: flags.skillVersion })),
    );
}

function parseVersion(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError("a version number (1, 2, …)");
  return number;
}

function addLibrary(program: Command, run: Run): void {
  program
    .command("import")
    .description("import a skill folder or a .zip of one into the library (a new skill, or its next version)")
    .argument("<folder|zip>", "the skill folder or .zip")
    .option("--path <path>", "the skill's path in the library (default: the folder's name)")
    .option("-m, --message <text>", "what this version is")
    .option("--json", "print the new version as JSON")
    .action((target: string, flags: { path?: string; message?: string; json?: boolean }, command: Command) =>
      run(command, (ctx) => importCommand(ctx, target, flags)),
    );
  program
    .command("export")
    .description("write a library skill (its latest version, or --version) to <out>/<path>/")
    .argument("<path>", "the skill's path in the library")
    .addOption(
      new Option("--skill-version <n>", "which version (written --version <n>; default: the latest)").argParser(
        parseVersion,
      ),
    )
    .option("--out <dir>", "where to write it (default: the current folder)")
    .option("--allow-risk", "export even a skill the security scan rates high or critical")
    .action(
      (skillPath: string, flags: { skillVersion?: number; out?: string; allowRisk?: boolean }, command: Command) =>
        run(command, (ctx) =>
          exportCommand(ctx, skillPath, { version: flags.skillVersion, out: flags.out, allowRisk: flags.allowRisk }),
        ),
    );
  program
    .command("versions")
    .description("list a library skill's versions, newest first")
    .argument("<path>", "the skill's path in the library")
    .option("--json", "print them as JSON")
    .action((skillPath: string, flags: { json?: boolean }, command: Command) =>
      run(command, (ctx) => versionsCommand(ctx, skillPath, flags)),
    );
}

function addInstall(program: Command, run: Run): void {
  program
    .command("install")
    .description("install library skills into an agent's skills folder (recorded in skills-lock.json)")
    .argument("<skill...>", "skill paths in the library")
    .requiredOption("--agent <agent>", `the agent: ${AGENT_IDS.join(", ")}`)
    .option("--scope <scope>", "project (the project folder) or user (your home folder)", "project")
    .option("--link", "keep one copy in ~/.skill-fleet/store and link the agent's folder to it")
    .option("--force", "replace a folder of that name that skill-fleet did not install, or installed from another path")
    .option("--allow-risk", "install even a skill the security scan rates high or critical")
    .option("--project <dir>", "the project folder (default: the current folder)")
    .action((skills: string[], flags: InstallFlags, command: Command) =>
      run(command, (ctx) => installCommand(ctx, skills, flags)),
    );
}

function addSync(program: Command, run: Run): void {
  program
    .command("check")
    .description("report installed skills that are outdated, modified locally or missing (exit 1 if any)")
    .option("--scope <scope>", "project or user", "project")
    .option("--project <dir>", "the project folder (default: the current folder)")
    .option("--json", "print the report as JSON")
    .action((flags: SyncFlags, command: Command) => run(command, (ctx) => checkCommand(ctx, flags)));
  program
    .command("update")
    .description("bring installed skills up to date; a skill edited locally is left alone (its diff is shown)")
    .argument("[skill...]", "only these (names or library paths)")
    .option("--scope <scope>", "project or user", "project")
    .option("--project <dir>", "the project folder (default: the current folder)")
    .option("--force", "overwrite local edits")
    .option("--allow-risk", "update even to a version the security scan rates high or critical")
    .action((names: string[], flags: SyncFlags, command: Command) =>
      run(command, (ctx) => updateCommand(ctx, names, flags)),
    );
  program
    .command("mcp")
    .description("serve the server's MCP endpoint (/api/mcp) over stdio, for agents that start MCP servers")
    .action((_flags: unknown, command: Command) => run(command, (ctx) => mcpCommand(ctx)));
}

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command()
    .name("skill-fleet")
    .description("Create, validate and promote agent skills on a Skill Fleet server")
    .version(version())
    .option("--url <url>", "server URL (env SKILL_FLEET_URL)", parseUrl, process.env.SKILL_FLEET_URL || DEFAULT_URL)
    .option(
      "--user <id>",
      "act as this user (sent as x-user-id; env SKILL_FLEET_USER)",
      parseUser,
      process.env.SKILL_FLEET_USER || undefined,
    )
    .option(
      "--token <token>",
      "a personal API token, for a shared server (create one on its API tokens page; env SKILL_FLEET_TOKEN)",
      parseToken,
      process.env.SKILL_FLEET_TOKEN || undefined,
    )
    .exitOverride()
    .showHelpAfterError();
  const run = runner(setExitCode);
  addCreate(program, run);
  addValidateAndPromote(program, run);
  addQueries(program, run);
  addLibrary(program, run);
  addInstall(program, run);
  addSync(program, run);
  addEval(program, run);
  return program;
}

/** The commands whose `--version <n>` names a skill's version. */
const SKILL_VERSION_COMMANDS = new Set(["export", "eval"]);

/**
 * `export <path> --version <n>` names a skill's version, but commander reads `--version` anywhere on the line as the
 * program's own (print the CLI's version and exit). After `export` or `eval` it is passed on as the command's.
 */
export function skillVersionArgs(argv: string[]): string[] {
  const at = argv.findIndex((arg, index) => index >= 2 && SKILL_VERSION_COMMANDS.has(arg));
  if (at < 0) return argv;
  return argv.map((arg, index) => {
    if (index <= at) return arg;
    if (arg === "--version") return "--skill-version";
    return arg.startsWith("--version=") ? `--skill-version=${arg.slice("--version=".length)}` : arg;
  });
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  try {
    await buildProgram((code) => (exitCode = code)).parseAsync(skillVersionArgs(argv));
  } catch (error) {
    // Commander has already printed its message (usage errors, --help, --version).
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  return exitCode;
}

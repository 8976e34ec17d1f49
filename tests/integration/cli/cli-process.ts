import { spawn } from "node:child_process";
import path from "node:path";

/**
 * The real CLI binary (bin/skill-fleet.mjs) as a child process: output collected as it arrives, stdin writable
 * line by line, so a test can wait for a prompt and answer it the way a person at a terminal would.
 */
const BIN = path.resolve(import.meta.dirname, "../../../bin/skill-fleet.mjs");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class CliProcess {
  stdout = "";
  stderr = "";
  readonly exited: Promise<CliResult>;
  private readonly child;

  constructor(args: string[], env: Record<string, string | undefined>) {
    this.child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stdout.on("data", (chunk: Buffer) => (this.stdout += chunk.toString("utf8")));
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
    this.exited = new Promise((resolve) =>
      this.child.on("close", (code) => resolve({ code, stdout: this.stdout, stderr: this.stderr })),
    );
  }

  /** Resolves once stdout matches `pattern` `count` times (a prompt shown for the n-th time). */
  async waitFor(pattern: RegExp, count = 1, timeoutMs = 30_000): Promise<void> {
    const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    const deadline = Date.now() + timeoutMs;
    while ((this.stdout.match(global)?.length ?? 0) < count) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${pattern} ×${count}; stdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      if (this.child.exitCode !== null)
        throw new Error(
          `the CLI exited (${this.child.exitCode}) before ${pattern}; stdout:\n${this.stdout}\nstderr:\n${this.stderr}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  endInput(): void {
    this.child.stdin.end();
  }

  interrupt(): void {
    this.child.kill("SIGINT");
  }
}

/** Runs the CLI to completion with stdin closed (or fed `input`). */
export async function runCli(args: string[], env: Record<string, string | undefined>, input = ""): Promise<CliResult> {
  const cli = new CliProcess(args, env);
  if (input) cli.send(input);
  cli.endInput();
  return cli.exited;
}

export const JOB_ID = /Job ([0-9a-f-]{36}) created/;

export function jobIdFrom(output: string): string {
  const match = JOB_ID.exec(output);
  if (!match?.[1]) throw new Error(`no job id in:\n${output}`);
  return match[1];
}

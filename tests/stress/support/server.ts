import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startTestServer, type TestServer } from "../../support/test-server";
import { waitFor } from "../../support/jobs";
import { serverRssMb, type ServerMemory } from "./figures";

/**
 * The built server for the stress suite: `next start` over a data folder that outlives SIGKILLs. `kill()` ends it
 * at once (no shutdown of any kind) and `restart()` starts a new one on the same port over the same database.
 */
export const STRESS_ENV: Record<string, string> = {
  SKILL_FLEET_RATE_JOBS_PER_MINUTE: "100000",
  SKILL_FLEET_RATE_VALIDATIONS_PER_MINUTE: "100000",
  // A killed server's leases expire soon, so its jobs are taken over within seconds of the restart.
  SKILL_FLEET_LEASE_MS: "3000",
  SKILL_FLEET_MAX_CONCURRENT_JOBS: "8",
};

/** The JS heap cap scripts/app.sh gives the server. */
export const APP_HEAP_CAP = "--max-old-space-size=512";

function probeEnv(memoryFile: string): Record<string, string> {
  const probe = path.join(import.meta.dirname, "memory-probe.mjs");
  return {
    // The server's Node flags: by default the heap cap `npm run app` sets (scripts/app.sh); STRESS_SERVER_NODE_OPTIONS
    // replaces them, e.g. with --max-old-space-size=256, or with nothing ("") for V8's own limit (docs/stress.md).
    NODE_OPTIONS: [
      process.env.NODE_OPTIONS,
      process.env.STRESS_SERVER_NODE_OPTIONS ?? APP_HEAP_CAP,
      `--import ${probe}`,
    ]
      .filter(Boolean)
      .join(" "),
    STRESS_MEMORY_FILE: memoryFile,
  };
}

export class StressServer {
  private constructor(
    private current: TestServer,
    private readonly env: Record<string, string>,
  ) {}

  static async start(env: Record<string, string>): Promise<StressServer> {
    const memoryFile = path.join(os.tmpdir(), `skill-fleet-stress-memory-${process.pid}-${Date.now()}.json`);
    const all = { ...STRESS_ENV, ...probeEnv(memoryFile), ...env };
    return new StressServer(await startTestServer(all, { keepData: true }), all);
  }

  /** What the probe last wrote (it writes every second). */
  memory(): ServerMemory {
    const usage = this.probe();
    const mb = (bytes: number) => bytes / 1024 / 1024;
    return {
      rss: mb(usage.rss),
      heapTotal: mb(usage.heapTotal),
      heapUsed: mb(usage.heapUsed),
      external: mb(usage.external),
      arrayBuffers: mb(usage.arrayBuffers),
    };
  }

  get url(): string {
    return this.current.url;
  }

  get dataDir(): string {
    return this.current.dataDir;
  }

  rssMb(): number {
    const pid = this.current.process.pid;
    if (pid === undefined) throw new Error("the server has no process id");
    return serverRssMb(pid);
  }

  private probe(): Record<keyof ServerMemory | "collections", number> {
    const file = this.env.STRESS_MEMORY_FILE ?? "";
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<keyof ServerMemory | "collections", number>;
  }

  /** Asks the probe for a full garbage collection and waits for its reading: what the server really retains. */
  async memoryAfterGc(): Promise<ServerMemory> {
    const before = this.probe().collections;
    this.current.process.kill("SIGUSR2");
    await waitFor(async () => this.probe().collections > before, 30_000, "the memory probe's collection");
    return this.memory();
  }

  /** SIGKILL: the process ends wherever it is, mid-statement or mid-response. */
  async kill(): Promise<void> {
    const child = this.current.process;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }

  async restart(): Promise<void> {
    const { port, dataDir } = this.current;
    this.current = await startTestServer(this.env, { port, dataDir, keepData: true });
  }

  /** A clean stop; `keepData` leaves the database for a last look. */
  async stop(keepData = false): Promise<void> {
    await this.current.stop({ keepData: true });
    if (!keepData) this.remove();
  }

  remove(): void {
    fs.rmSync(this.current.dataDir, { recursive: true, force: true });
    fs.rmSync(this.env.STRESS_MEMORY_FILE ?? "", { force: true });
  }
}

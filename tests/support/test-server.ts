import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * The real app over HTTP for black-box tests and benchmarks: a production build in its own folder (built once,
 * rebuilt when a source file is newer than it) started with `next start` on a free port over a fresh embedded
 * database in a temporary folder. Never port 3000 or the default .next (the lead's).
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
export const TEST_DIST_DIR = process.env.SKILL_FLEET_TEST_DIST_DIR ?? ".next-test";
const SOURCES = [
  "app",
  "server",
  "contracts",
  "dev",
  "next.config.mjs",
  "package.json",
  "instrumentation.ts",
  "proxy.ts",
  "prisma/migrations",
];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function buildIsCurrent(): boolean {
  const buildId = fs.statSync(path.join(ROOT, TEST_DIST_DIR, "BUILD_ID"), { throwIfNoEntry: false });
  return !!buildId && buildId.mtimeMs > Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
}

const BUILD_BUSY = /Another next build process is already running/;

/**
 * Builds the app into TEST_DIST_DIR unless that build is newer than every source file. Another suite (or an
 * engineer) may be building the same folder: then we wait for that build and use it, or build after it.
 */
export async function ensureTestBuild(timeoutMs = 15 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!buildIsCurrent()) {
    const result = spawnSync("npx", ["--no-install", "next", "build"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SKILL_FLEET_DIST_DIR: TEST_DIST_DIR },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status === 0) return;
    const output = `${result.stdout}\n${result.stderr}`;
    if (!BUILD_BUSY.test(output) || Date.now() > deadline) throw new Error(`next build failed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    const ok = await fetch(`${url}/api/trpc/system.info`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not come up at ${url}:\n${output()}`);
}

export interface ServerPlace {
  /** Reuse a port and a data folder, e.g. to restart a stopped server over the same database. */
  port?: number;
  dataDir?: string;
  /** Leave the data folder in place on stop (to restart over it); `stop({ keepData })` can also say so. */
  keepData?: boolean;
}

/**
 * Starts `next start` on a free port; `env` adds settings (e.g. SKILL_FLEET_WORKFLOW=demo). `stop()` removes the
 * data folder unless `keepData` was asked for here or in `stop({ keepData: true })`.
 */
export async function startTestServer(env: Record<string, string> = {}, place: ServerPlace = {}): Promise<TestServer> {
  await ensureTestBuild();
  const port = place.port ?? (await freePort());
  const dataDir = place.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "skill-fleet-server-"));
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "test",
      NEXT_TELEMETRY_DISABLED: "1",
      SKILL_FLEET_DIST_DIR: TEST_DIST_DIR,
      DATABASE_URL: `pglite:${path.join(dataDir, "pglite")}`,
      SKILL_FLEET_SKILLS_ROOT: path.join(dataDir, "skills"),
      SKILL_FLEET_LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async ({ keepData = false }: { keepData?: boolean } = {}) => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    if (!(keepData || place.keepData)) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, dataDir, process: child, stop };
}

import { defineConfig } from "@playwright/test";
import os from "node:os";
import path from "node:path";

/**
 * Browser tests against the real built app (`next start` of the .next-test build that scripts/test.sh makes) on
 * Debian's chromium.
 * Three servers, each with its own fresh embedded database and skills root: the offline engine (the default a new
 * user gets), the scripted model (`scripted:e2e`, whose behaviour each test picks with markers in the task), and
 * the offline engine in shared mode (sign-in required).
 */
const basePort = Number(process.env.E2E_PORT ?? 3100);
const runDir = path.join(os.tmpdir(), `skill-fleet-e2e-${process.pid}-${Date.now()}`);
const servers = {
  offline: { port: basePort, model: undefined, shared: false },
  scripted: { port: basePort + 1, model: "scripted:e2e", shared: false },
  // Shared mode (sign-in required; docs/security.md) with the offline engine.
  shared: { port: basePort + 2, model: undefined, shared: true },
} as const;

const SHARED_MODE = {
  SKILL_FLEET_AUTH: "true",
  SKILL_FLEET_AUTH_SECRET: "an-e2e-secret-of-at-least-thirty-two-characters",
};

function webServer(name: keyof typeof servers) {
  const { port, model, shared } = servers[name];
  return {
    command: `npx --no-install next start -H 127.0.0.1 -p ${port}`,
    url: `http://127.0.0.1:${port}/api/trpc/system.info`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      SKILL_FLEET_DIST_DIR: process.env.SKILL_FLEET_TEST_DIST_DIR ?? ".next-test",
      DATABASE_URL: `pglite:${path.join(runDir, name, "pglite")}`,
      SKILL_FLEET_SKILLS_ROOT: path.join(runDir, name, "skills"),
      SKILL_FLEET_LOG_LEVEL: "warn",
      // The browser suite creates far more jobs a minute than a person would; the limit has its own API tests.
      SKILL_FLEET_RATE_JOBS_PER_MINUTE: "100000",
      // Scripted models are refused in production; `next start` keeps an explicit NODE_ENV=test.
      ...(model ? { SKILL_FLEET_MODEL: model, NODE_ENV: "test" } : {}),
      ...(shared ? SHARED_MODE : {}),
    },
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 3_000 },
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["./tests/support/playwright-summary-reporter.ts"]],
  use: {
    headless: true,
    trace: "retain-on-failure",
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "offline",
      testMatch: /(shell|offline|library)\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${servers.offline.port}` },
    },
    {
      name: "scripted",
      testIgnore: /(shell|offline|library|sign-in)\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${servers.scripted.port}` },
    },
    {
      name: "shared",
      testMatch: /sign-in\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${servers.shared.port}` },
    },
  ],
  webServer: [webServer("offline"), webServer("scripted"), webServer("shared")],
});

import { defineConfig } from "@playwright/test";
import os from "node:os";
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh embedded database and skills root per run, outside the repo's ./data.
const runDir = path.join(os.tmpdir(), `skill-fleet-e2e-${process.pid}-${Date.now()}`);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["./tests/support/playwright-summary-reporter.ts"]],
  use: {
    baseURL,
    headless: true,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: `npx --no-install next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/api/trpc/system.info`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      SKILL_FLEET_DIST_DIR: ".next-e2e",
      DATABASE_URL: `pglite:${path.join(runDir, "pglite")}`,
      SKILL_FLEET_SKILLS_ROOT: path.join(runDir, "skills"),
      SKILL_FLEET_LOG_LEVEL: "warn",
    },
    gracefulShutdown: { signal: "SIGTERM", timeout: 3_000 },
  },
});

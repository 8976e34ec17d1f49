import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: two workers keep the machine responsive while PGlite instances start.
    maxWorkers: 2,
    env: { NODE_ENV: "test", SKILL_FLEET_LOG_LEVEL: "silent" },
    globalSetup: ["./tests/support/global-setup.ts"],
    setupFiles: ["./tests/support/dev-tools.ts"],
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});

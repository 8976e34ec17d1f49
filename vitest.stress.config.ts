import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:stress` (docs/stress.md): the stress scenarios against the built server, one file at a time (each
 * loads the machine on its own). STRESS_SCALE=ci runs the reduced counts `npm test` uses.
 */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/stress/**/*.stress.ts"],
    environment: "node",
    testTimeout: 60 * 60_000,
    hookTimeout: 15 * 60_000,
    fileParallelism: false,
    maxWorkers: 1,
    env: { NODE_ENV: "test", SKILL_FLEET_LOG_LEVEL: "silent" },
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});

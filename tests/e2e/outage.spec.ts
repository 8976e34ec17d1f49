import { expect, test } from "@playwright/test";
import { startTestServer, type TestServer } from "../support/test-server";
import { createJobViaApi, waitForJobStatus } from "./support/helpers";

/**
 * The server goes away and comes back (a real `next start` stopped with SIGTERM and started again on the same port
 * and database): the page keeps the job, shows one "Reconnecting…" banner, keeps and re-sends the answer typed
 * meanwhile, says "Back online", and leaves no stale error behind (docs/ui.md, Outages).
 */
const ENV = { SKILL_FLEET_MODEL: "scripted:e2e" };
let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer(ENV);
});
test.afterAll(async () => {
  await server.stop();
});

test("an outage keeps the job on screen, retries the answer, and clears on recovery", async ({ page }) => {
  test.setTimeout(180_000);
  const { url, port, dataDir } = server;
  const task = "Create a skill for rotating TLS certificates";
  const jobId = await createJobViaApi(page.request, task, { previewContent: true }, url);
  await waitForJobStatus(page.request, jobId, ["pending_hitl"], 45_000, url);
  await page.goto(`${url}/jobs/${jobId}`);
  const preview = page.getByTestId("checkpoint-preview");
  await expect(preview).toBeVisible();
  await expect(page.getByTestId("connection")).toHaveText(/Live/);
  const banner = page.getByTestId("outage-banner");
  await expect(banner).toBeEmpty();

  await server.stop({ keepData: true });
  await expect(banner).toContainText("Reconnecting…", { timeout: 30_000 });
  await expect(banner.locator("p")).toHaveCount(1);
  // The last known view stays: the task, the question, and what is being typed into it.
  await expect(page.getByTestId("job-task")).toHaveText(task);
  await preview.getByLabel(/^Feedback/).fill("Add a section on certificate transparency logs");
  await preview.getByRole("button", { name: "Refine with feedback" }).click();
  await expect(page.getByTestId("answer-retrying")).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByLabel(/^Feedback/)).toHaveValue("Add a section on certificate transparency logs");

  server = await startTestServer(ENV, { port, dataDir });
  await expect(banner).toContainText("Back online", { timeout: 60_000 });
  // The answer that waited went through: the refined preview shows what changed.
  await expect(page.getByTestId("diff")).toContainText("certificate transparency", { timeout: 60_000 });
  await expect(page.getByTestId("answer-retrying")).toHaveCount(0);
  await expect(page.getByText(/Failed to fetch|Server unreachable|cannot be reached/)).toHaveCount(0);
  await expect(page.getByTestId("engine-name")).toBeVisible();
  await expect(banner).toBeEmpty({ timeout: 15_000 });
});

import { expect, test } from "@playwright/test";
import { createJobViaApi, expectStatus } from "./support/helpers";

/**
 * Evals from the job page (docs/evals.md), on the scripted model: a finished job's draft is evaluated with and
 * without the skill; the eval job is followed live and ends with the benchmark table and each case's outputs, on
 * which the user gives feedback that is kept with the run.
 */
test("starts an eval from a finished job, watches it live, reads it and rates an output", async ({ page, request }) => {
  const jobId = await createJobViaApi(request, "Create a skill for checking a web release after a deploy");
  await page.goto(`/jobs/${jobId}`);
  await expectStatus(page, "completed", 45_000);
  await page.getByTestId("eval-start").getByRole("button", { name: "Run evals" }).click();
  await page.waitForURL((url) => /\/jobs\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(jobId));
  await expect(page.getByTestId("job-task")).toHaveText(/^Eval of .+ \(draft\)$/);

  // Live: the eval runs while the page follows its steps as they happen.
  await expectStatus(page, "running");
  await expect(page.getByTestId("connection")).toHaveText(/Live/);
  await expect.poll(async () => page.getByRole("list", { name: "Step log" }).locator("li").count()).toBeGreaterThan(2);
  await expectStatus(page, "completed", 60_000);

  const benchmark = page.getByTestId("benchmark");
  await expect(benchmark.getByRole("columnheader")).toHaveText(["Case", "With the skill", "Without", "Difference"]);
  await expect(page.getByTestId("benchmark-overall")).toContainText(/Overall\s*\d+%/);
  await expect(page.getByTestId("eval-usage")).toContainText(/\d+ model calls, \d+ tokens, .* cost unknown/);
  const firstCase = page.locator("[data-testid^=eval-case-]").first();
  await firstCase.locator("summary").click();
  await expect(firstCase.getByTestId("run-with-1")).toBeVisible();
  await expect(firstCase.getByTestId("run-without-1")).toBeVisible();
  await expect(firstCase.getByTestId("run-with-1").locator("li").first()).toContainText(/^[✓✗] /);

  // Feedback on one output, at a phone's width: saved, and still shown after a reload.
  await page.setViewportSize({ width: 390, height: 844 });
  const feedback = () =>
    page
      .locator("[data-testid^=eval-case-]")
      .first()
      .getByRole("form", { name: "Your feedback on run 1 (With the skill)" });
  await feedback().getByRole("button", { name: "Good" }).click();
  await feedback().getByLabel("Note").fill("Names the exact rollback command.");
  await feedback().getByRole("button", { name: "Save" }).click();
  await expect(feedback().getByTestId("feedback-status")).toHaveText("Saved");
  await page.reload();
  await page.locator("[data-testid^=eval-case-]").first().locator("summary").click();
  await expect(feedback().getByRole("button", { name: "Good" })).toHaveAttribute("aria-pressed", "true");
  await expect(feedback().getByRole("button", { name: "Bad" })).toHaveAttribute("aria-pressed", "false");
  await expect(feedback().getByLabel("Note")).toHaveValue("Names the exact rollback command.");
  await expect(feedback().getByTestId("feedback-status")).toHaveText("Saved");
  const box = await feedback().getByRole("button", { name: "Save" }).boundingBox();
  expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // In the job history, next to the creation job, with its kind.
  const evalJobId = page.url().split("/").at(-1) ?? "";
  await page.goto("/jobs");
  const row = page.getByTestId("job-row").filter({ has: page.locator(`a[href="/jobs/${evalJobId}"]`) });
  await expect(row.getByTestId("job-kind")).toHaveText("eval");
});

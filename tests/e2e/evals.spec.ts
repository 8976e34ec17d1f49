import { expect, test } from "@playwright/test";
import { createJobViaApi, expectStatus } from "./support/helpers";

/**
 * Evals from the job page (docs/evals.md), on the scripted model: a finished job's draft is evaluated with and
 * without the skill; the eval job is followed live and ends with the benchmark table and each case's outputs.
 */
test("starts an eval from a finished job, watches it live and reads the benchmark", async ({ page, request }) => {
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

  // In the job history, next to the creation job, with its kind.
  const evalJobId = page.url().split("/").at(-1) ?? "";
  await page.goto("/jobs");
  const row = page.getByTestId("job-row").filter({ has: page.locator(`a[href="/jobs/${evalJobId}"]`) });
  await expect(row.getByTestId("job-kind")).toHaveText("eval");
});

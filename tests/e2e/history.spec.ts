import { expect, test } from "@playwright/test";
import { createJobViaApi, expectAccessible, waitForJobStatus } from "./support/helpers";

/**
 * Job history: full-text search (any word order, any word form), counts per status, relative times, pagination,
 * and every filter in the URL, so reload, back and forward all work (docs/ui.md, History).
 */
test("search in any word order, filter with counts, page, and walk back and forward", async ({ page, request }) => {
  test.setTimeout(120_000);
  const marker = `hist${Date.now().toString(36)}`;
  for (let i = 0; i < 22; i++) await createJobViaApi(request, `Create a skill number ${i} for ${marker} reports`);
  const failing = await createJobViaApi(request, `Create a skill that will fail for ${marker} reporting [fail]`);
  await createJobViaApi(request, `Create a skill that detects terraform drift for ${marker}`);
  await waitForJobStatus(request, failing, ["failed"]);

  await page.goto("/jobs");
  const search = page.getByRole("searchbox", { name: "Search jobs" });
  // Word order does not matter, nor word forms: "drift terraform" finds "terraform drift".
  await search.fill(`drift terraform ${marker}`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=drift\+terraform/);
  await expect(page.getByTestId("job-row")).toHaveCount(1);
  await expect(page.getByTestId("job-row")).toContainText("detects terraform drift");
  await expect(page.getByTestId("job-row").locator("time")).toHaveText(/just now|min\. ago/);

  await search.fill(`${marker} report`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("job-row")).toHaveCount(20);
  await expect(page.getByTestId("job-row").first()).toContainText("will fail");
  const counts = page.getByTestId("status-counts");
  await expect(counts.getByRole("link", { name: /^All/ })).toHaveText("All 23");
  await expect(counts.getByRole("link", { name: /^failed/ })).toHaveText("failed 1");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/cursors=/);
  await expect(page.getByTestId("job-row")).toHaveCount(3);
  await page.reload();
  await expect(page.getByTestId("job-row")).toHaveCount(3);
  await expect(page.getByText("Page 2")).toBeVisible();
  await page.getByRole("link", { name: "← Newer" }).click();
  await expect(page.getByTestId("job-row")).toHaveCount(20);

  await counts.getByRole("link", { name: /^failed/ }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByTestId("job-row")).toHaveCount(1);
  await expect(counts.getByRole("link", { name: /^failed/ })).toHaveAttribute("aria-current", "page");

  // Back and forward walk through the filters, and the search box follows.
  await page.goBack();
  await expect(page.getByTestId("job-row")).toHaveCount(20);
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId("job-row")).toHaveCount(20);
  await page.goBack();
  await expect(search).toHaveValue(`drift terraform ${marker}`);
  await expect(page.getByTestId("job-row")).toHaveCount(1);
  await page.goForward();
  await expect(search).toHaveValue(`${marker} report`);

  // The README's screenshot of the history.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/jobs?q=${marker}`);
  await expect(page.getByTestId("job-row")).toHaveCount(20);
  await page.screenshot({ path: "docs/history.png", animations: "disabled" });

  await page.getByTestId("job-row").filter({ hasText: "will fail" }).getByRole("link").click();
  await expect(page.getByTestId("end-state")).toBeVisible();
});

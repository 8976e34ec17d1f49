import { expect, test } from "@playwright/test";
import { createJobViaApi, expectAccessible } from "./support/helpers";

/** Job history: newest first, filter by status, search the task, pagination kept in the URL across a reload. */
test("filter, search and paginate the job history; the URL keeps the state", async ({ page, request }) => {
  const marker = `hist${Date.now().toString(36)}`;
  for (let i = 0; i < 22; i++) await createJobViaApi(request, `Create a skill number ${i} for ${marker} reports`);
  await createJobViaApi(request, `Create a skill that will fail for ${marker} [fail]`);

  await page.goto("/jobs");
  await page.getByRole("searchbox", { name: "Search tasks" }).fill(marker);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${marker}`));
  await expect(page.getByTestId("job-row")).toHaveCount(20);
  await expect(page.getByTestId("job-row").first()).toContainText("will fail");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Older →" }).click();
  await expect(page).toHaveURL(/cursors=/);
  await expect(page.getByTestId("job-row")).toHaveCount(3);
  await page.reload();
  await expect(page.getByTestId("job-row")).toHaveCount(3);
  await expect(page.getByText("Page 2")).toBeVisible();
  await page.getByRole("button", { name: "← Newer" }).click();
  await expect(page.getByTestId("job-row")).toHaveCount(20);

  await page.getByRole("combobox").selectOption("failed");
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByTestId("job-row")).toHaveCount(1);
  await expect(page.getByTestId("job-row")).toContainText("will fail");
  await page.getByTestId("job-row").getByRole("link").click();
  await expect(page.getByRole("alert").filter({ hasText: "The job failed" })).toBeVisible();
  await page.getByRole("link", { name: "Timeline" }).click();
  await expect(page.getByRole("heading", { name: "Job timeline" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Steps" })).toContainText("generation#1/content");
  await expectAccessible(page);
});

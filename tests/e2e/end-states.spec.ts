import { expect, test } from "@playwright/test";
import { createJobInPage, expectAccessible, expectStatus, getJob } from "./support/helpers";

/** Every way a job ends says what happened and what to do next (docs/ui.md, End states). */
test("a failed job says why in plain words, names the step, and runs again as it was", async ({ page, request }) => {
  const task = "Create a skill for sorting invoices [fail]";
  const jobId = await createJobInPage(page, task, ["Preview the content"]);
  await expectStatus(page, "failed");
  const end = page.getByTestId("end-state");
  await expect(end.getByRole("heading")).toHaveText("The job failed while writing the content.");
  await expect(end).toContainText("The model could not be reached (tried 1 time).");
  await expect(end).toContainText("then run the job again");
  await end.getByText("Details").click();
  await expect(end.getByTestId("failure-details")).toContainText("content generation failed");
  await expect(page.getByText("Failed to fetch")).toHaveCount(0);
  await expectAccessible(page);

  await end.getByRole("button", { name: "Run again" }).click();
  await page.waitForURL((url) => /\/jobs\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(jobId));
  const again = await getJob(request, page.url().split("/").at(-1) ?? "");
  expect(again.task).toBe(task);
  // Same options: it stops at the preview it was asked for (here it fails before, like the first run).
  await expectStatus(page, "failed");
});

test("Edit and run again opens the create form filled with the job's task and options", async ({ page }) => {
  await createJobInPage(page, "Create a skill for sorting receipts [fail]", [
    "Preview the content",
    "Review the validation",
  ]);
  await expectStatus(page, "failed");
  await page.getByRole("link", { name: "Edit and run again" }).click();
  await expect(page).toHaveURL(/\/\?from=/);
  await expect(page.getByTestId("prefilled-from")).toBeVisible();
  const taskBox = page.getByLabel("What should the skill teach an agent to do?");
  await expect(taskBox).toHaveValue("Create a skill for sorting receipts [fail]");
  await expect(page.getByRole("checkbox", { name: /Preview the content/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Review the validation/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Confirm the plan/ })).not.toBeChecked();
  await taskBox.fill("Create a skill for sorting receipts by vendor");
  await page.getByRole("button", { name: "Create skill" }).click();
  await expect(page.getByTestId("checkpoint-preview")).toBeVisible();
  await expect(page.getByTestId("job-task")).toHaveText("Create a skill for sorting receipts by vendor");
});

test("Cancel asks first, sits away from Proceed, and a cancelled job can run again", async ({ page }) => {
  await createJobInPage(page, "Create a skill for database failover runbooks", ["Confirm the plan"]);
  const confirm = page.getByTestId("checkpoint-confirm");
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: /Cancel/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Cancel job…" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this job?" });
  await expect(dialog.getByRole("button", { name: "Keep it running" })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expectStatus(page, "needs your review");

  await page.getByRole("button", { name: "Cancel job…" }).click();
  await dialog.getByRole("button", { name: "Yes, cancel the job" }).click();
  await expectStatus(page, "cancelled");
  const end = page.getByTestId("end-state");
  await expect(end.getByRole("heading")).toHaveText("The job was cancelled during Understanding.");
  await expect(page.getByRole("button", { name: "Cancel job…" })).toHaveCount(0);
  await expectAccessible(page);
  await end.getByRole("button", { name: "Run again" }).click();
  await expect(page.getByTestId("checkpoint-confirm")).toBeVisible();
  await expect(page.getByTestId("job-task")).toHaveText("Create a skill for database failover runbooks");
});

test("a job that did not pass validation says so and shows the reasons", async ({ page }) => {
  await createJobInPage(page, "Create a skill for naming Kubernetes labels [poor]");
  await expectStatus(page, "finished, needs review");
  const end = page.getByTestId("end-state");
  await expect(end).toContainText(/^Did not pass: .+\. See the reasons\.$/);
  await end.getByRole("link", { name: "See the reasons" }).click();
  const reasons = page.locator("[data-slot=validation-reasons]");
  await expect(reasons.getByTestId("validation-report")).toBeInViewport();
  await expect(page.getByTestId("next-steps")).toBeVisible();
  await expectAccessible(page);
});

test("a plan the offline engine wrote for a failed model is named as a fallback on the page and in the timeline", async ({
  page,
}) => {
  const jobId = await createJobInPage(page, "Create a skill for reconciling bank statements [plan-fallback]");
  await expectStatus(page, "finished, needs review");
  // Never presented as the model's work: the reason comes first, and the box names the step.
  await expect(page.getByTestId("end-state")).toContainText("Needs your review: The offline engine wrote the plan");
  const box = page.getByTestId("fell-back");
  await expect(box).toContainText("Not all of this is the model's work.");
  await expect(box).toContainText("synthesizePlan");
  await expectAccessible(page);

  await box.getByRole("link", { name: "The timeline" }).click();
  await page.waitForURL(new RegExp(`/jobs/${jobId}/timeline$`));
  const planRow = page.getByTestId("waterfall-row").filter({ has: page.getByTestId("step-fallback") });
  await expect(planRow).toHaveCount(1);
  await expect(planRow.locator('td[data-label="Model"]')).toHaveText(
    /offline engine \(fallback after scripted:e2e failed\)/,
  );
  await planRow.getByText("Input and output").click();
  // Each of its three requests is listed, not folded into one attempt.
  await expect(planRow.getByTestId("step-requests").locator("li")).toHaveCount(3);
  await expect(planRow.getByTestId("step-requests")).toContainText(
    "asked again (the reply did not fit): invalid-reply",
  );
  await expectAccessible(page);
});

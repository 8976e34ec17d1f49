import { expect, test } from "@playwright/test";
import { createJobInPage, expectAccessible, expectStatus } from "./support/helpers";

/**
 * Forms check what the server checks, as you type: limits with a counter that blocks (never a silent cut), the
 * skill-name rules; and what the server still refuses is shown as a sentence next to its field (docs/ui.md, Forms).
 */
test("a task over the limit is kept whole, counted, and refused until it fits", async ({ page }) => {
  await page.goto("/");
  await page.locator("form[data-hydrated]").waitFor();
  const examples = page.getByRole("group", { name: "Examples" });
  await expect(examples.getByRole("button").first()).toBeInViewport(); // above the fold
  const task = page.getByLabel("What should the skill teach an agent to do?");
  await task.fill("x".repeat(30_000));
  await expect(task).toHaveValue("x".repeat(30_000)); // nothing cut
  await expect(page.getByTestId("task-counter")).toContainText("10,000 characters over the limit of 20,000");
  const problem = page.locator(".field").getByRole("alert");
  await expect(problem).toContainText("at most 20,000 characters (30,000 now)");
  await page.getByRole("button", { name: "Create skill" }).click();
  await expect(page).toHaveURL(/\/$/);
  await task.fill("Create a skill for reading flame graphs");
  await expect(page.getByTestId("task-counter")).toContainText("39 / 20,000");
  await expect(problem).toHaveCount(0);
});

test("what the server refuses shows as a sentence next to its field, never as a raw list", async ({ page }) => {
  await page.goto("/");
  await page.locator("form[data-hydrated]").waitFor();
  // A client out of step with the server (say, an old tab): the real server refuses, the form says why.
  await page.route("**/api/trpc/skills.create**", async (route) => {
    const body = JSON.parse(route.request().postData() ?? "{}") as Record<string, { json: { task: string } }>;
    for (const call of Object.values(body)) call.json.task = "y".repeat(20_001);
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.getByLabel("What should the skill teach an agent to do?").fill("Create a skill for reading flame graphs");
  await page.getByRole("button", { name: "Create skill" }).click();
  const error = page.locator(".field").getByRole("alert");
  await expect(error).toHaveText(/^Task must be at most 20,000 characters\.$/);
  await expect(page.getByText("too_big")).toHaveCount(0);
  await expect(page.getByText("Could not start the job")).toHaveCount(0);
});

test("the fix-name form checks the name as you type and only sends one the server takes", async ({ page }) => {
  await createJobInPage(page, "Create a skill for writing release notes [bad-name]");
  const form = page.getByTestId("checkpoint-structure_fix");
  await expect(form).toBeVisible();
  const name = form.getByLabel(/^Name/);
  const useEdits = form.getByRole("button", { name: "Use my edits" });
  await name.fill("Release Notes");
  await expect(form.getByText("Skill name must be lowercase letters, digits and single hyphens")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(useEdits).toBeDisabled();
  await name.fill("claude-release-notes");
  await expect(form.getByText('Skill name contains the reserved term "claude".')).toBeVisible();
  await name.fill("release-notes-writer");
  await expect(name).not.toHaveAttribute("aria-invalid", "true");
  await expect(useEdits).toBeEnabled();
  await expectAccessible(page);
  await useEdits.click();
  await expectStatus(page, "completed");
  await expect(page.getByTestId("skill-content")).toContainText("name: release-notes-writer");
});

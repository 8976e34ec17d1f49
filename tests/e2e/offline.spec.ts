import { expect, test } from "@playwright/test";
import { createJobInPage, expectAccessible, expectStatus } from "./support/helpers";

/** The embedded default: no model, the offline engine writes a plain, valid skill and says so. */
test("the offline engine turns a task into a validated skill, labelled offline", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("engine-note")).toContainText("offline engine");
  await expect(page.getByTestId("task-counter")).toContainText("0 / 20,000");
  await page.getByRole("button", { name: "Create skill" }).click();
  await expect(page.getByText("Describe the task the skill is for.")).toBeVisible();
  await expectAccessible(page);

  await createJobInPage(page, "Create a skill for debugging flaky Playwright tests", ["Preview the content"]);
  const preview = page.getByTestId("checkpoint-preview");
  await expect(preview).toBeVisible();
  // The README's screenshot: the job page at its preview checkpoint, as a new user first sees one.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/job-page.png" });
  await preview.getByRole("button", { name: "Proceed" }).click();
  await expectStatus(page, "completed");
  await expect(page.getByText("offline draft", { exact: true })).toBeVisible();
  await expect(page.getByTestId("skill-content")).toContainText("generated-by: offline");
  await expect(page.getByTestId("validation-report")).toContainText("Passed");
});

test("validate a pasted SKILL.md and see every finding with its rule id", async ({ page }) => {
  await page.goto("/validate");
  await page.getByLabel("SKILL.md").fill("---\nname: Bad_Name\ndescription: does things\n---\n\n# Hello\n");
  await page.getByRole("button", { name: "Validate" }).click();
  const report = page.getByTestId("validation-report");
  await expect(report).toContainText("Did not pass");
  await expect(report.locator("[data-rule-id]").first()).toBeVisible();
  await expectAccessible(page);
});

test("the library lists the seeded skills and exports XML", async ({ page }) => {
  await page.goto("/library");
  const tree = page.getByRole("navigation", { name: "Skill library" });
  await expect(tree.getByRole("link").first()).toBeVisible();
  await tree.getByRole("link").first().click();
  await expect(page).toHaveURL(/\?path=/);
  await expect(page.getByTestId("validation-report")).toBeVisible();
  await page.getByText("Export <available_skills> XML").click();
  await expect(page.getByTestId("skills-xml")).toContainText("<available_skills>");
  await page.getByRole("searchbox", { name: "Search skills" }).fill("zzzz-no-such-skill");
  await expect(page.getByText(/No skill matches/)).toBeVisible();
  await expectAccessible(page);
});

import { expect, test } from "@playwright/test";
import { createJobInPage, expectAccessible, expectStatus } from "./support/helpers";

/**
 * The embedded default: no model, the offline engine writes an honest scaffold, labelled as such, and the result
 * page says why it does not pass and what to do next.
 */
test("the offline engine writes a scaffold, labelled as such, and the result page shows the verdict and its reasons", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByTestId("engine-note")).toContainText("offline engine");
  await expect(page.getByTestId("task-counter")).toContainText("0 / 20,000");
  await page.getByRole("button", { name: "Create skill" }).click();
  await expect(page.getByText("Describe the task the skill is for.")).toBeVisible();
  await expectAccessible(page);

  await createJobInPage(page, "Create a skill for debugging flaky Playwright tests", ["Preview the content"]);
  const preview = page.getByTestId("checkpoint-preview");
  await expect(preview).toBeVisible();
  // The README's screenshot: the job page at its preview checkpoint, as a new user first sees one (steps listed).
  await expect(page.getByRole("list", { name: "Step log" }).locator("li").first()).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/job-page.png", animations: "disabled" });
  await preview.getByRole("button", { name: "Proceed" }).click();
  await expectStatus(page, "finished, needs review");
  await expect(page.getByTestId("scaffold-badge")).toHaveText("Scaffold (offline)");
  await expect(page.getByTestId("next-steps")).toContainText("SKILL_FLEET_MODEL=provider:model");
  await expect(page.getByTestId("skill-content")).toContainText("[FILL IN:");
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toContainText("Did not pass: content quality");
  await expect(verdict).toContainText("it is an unfinished scaffold");
  await expect(verdict).not.toContainText("0 errors, 0 warnings");
  const reasons = page.getByTestId("quality-reasons");
  await expect(reasons.locator('[data-dimension="templateResidue"]')).toContainText("Template residue");
  await expect(reasons.locator('[data-effect="lost"]').first()).toContainText("[FILL IN:");
  await expect(page.getByTestId("judge-status")).toContainText("Model judge did not run");
  await expect(page.locator('[data-rule-id="quality/scaffold"]')).toBeVisible();
  await expectAccessible(page);
});

test("validate a pasted SKILL.md and see the verdict, its reasons and every finding with its rule id", async ({
  page,
}) => {
  await page.goto("/validate");
  await page.getByLabel("SKILL.md").fill("---\nname: Bad_Name\ndescription: does things\n---\n\n# Hello\n");
  await page.getByRole("button", { name: "Validate" }).click();
  const report = page.getByTestId("validation-report");
  await expect(page.getByTestId("verdict")).toContainText("Did not pass: 1 specification error");
  await expect(report.locator('[data-rule-id="spec/name-format"]')).toBeVisible();
  await expect(page.getByTestId("quality-reasons")).toContainText("Specificity");
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

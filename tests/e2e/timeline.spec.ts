import { expect, test } from "@playwright/test";
import { answerClarifyViaApi, createJobInPage, expectAccessible, expectStatus } from "./support/helpers";

/**
 * Diffs on revise and refine, the validation review with the content next to its findings, and the timeline as a
 * waterfall with models, tokens, cost and totals, inputs and outputs, and answers in words (docs/ui.md).
 */
test("revising the plan and refining the content show what changed", async ({ page }) => {
  await createJobInPage(page, "Create a skill for reviewing PostgreSQL migrations", [
    "Confirm the plan",
    "Preview the content",
  ]);
  const confirm = page.getByTestId("checkpoint-confirm");
  await expect(confirm).toBeVisible();
  await expect(confirm.getByTestId("diff")).toHaveCount(0); // a first plan revises nothing
  await confirm.getByLabel(/^Feedback/).fill("Cover lock timeouts on large tables");
  await confirm.getByRole("button", { name: "Revise with feedback" }).click();
  const revised = page.getByTestId("checkpoint-confirm").getByText("What changed since the last plan");
  await expect(revised).toBeVisible();
  await page.getByTestId("checkpoint-confirm").getByRole("button", { name: "Proceed" }).click();

  const preview = page.getByTestId("checkpoint-preview");
  await expect(preview).toBeVisible();
  await preview.getByLabel(/^Feedback/).fill("- Add a section on rollback drills");
  await preview.getByRole("button", { name: "Refine with feedback" }).click();
  const diff = page.getByTestId("checkpoint-preview").getByTestId("diff");
  await expect(diff).toBeVisible();
  await expect(
    diff
      .locator("ins")
      .filter({ hasText: /rollback drills/i })
      .first(),
  ).toBeVisible();
  await expect(diff).toContainText(/\d+ lines added/);
  await expectAccessible(page);
  await page.getByTestId("checkpoint-preview").getByRole("button", { name: "Proceed" }).click();
  await expectStatus(page, "completed");
});

test("the validation review shows the SKILL.md being reviewed next to its findings", async ({ page }) => {
  await createJobInPage(page, "Create a skill for writing incident postmortems", ["Review the validation"]);
  const review = page.getByTestId("checkpoint-validate");
  await expect(review).toBeVisible();
  await expect(review.getByText("The SKILL.md being reviewed")).toBeVisible();
  await expect(review.locator(".markdown").getByRole("heading").first()).toBeVisible();
  const findings = review.getByRole("region", { name: "Findings" });
  await expect(findings.getByTestId("review-verdict")).toHaveText(/^(Passed|Did not pass): /);
  await expectAccessible(page);
  await review.getByRole("button", { name: "Proceed" }).click();
  await expectStatus(page, "completed");
});

test("the timeline is a waterfall with models, tokens, cost and totals, and answers in words", async ({ page }) => {
  const jobId = await createJobInPage(page, "Create a skill for our deployment checks [clarify]", [
    "Preview the content",
  ]);
  await expect(page.getByTestId("checkpoint-clarify")).toBeVisible();
  await answerClarifyViaApi(page.request, jobId);
  const preview = page.getByTestId("checkpoint-preview");
  await expect(preview).toBeVisible();
  await preview.getByLabel(/^Feedback/).fill("Mention canary releases");
  await preview.getByRole("button", { name: "Refine with feedback" }).click();
  await expect(page.getByTestId("checkpoint-preview").getByTestId("diff")).toBeVisible();
  await page.getByTestId("checkpoint-preview").getByRole("button", { name: "Proceed" }).click();
  await expectStatus(page, "completed");

  await page.getByRole("link", { name: "Timeline" }).click();
  await expect(page.getByRole("heading", { name: "Job timeline" })).toBeVisible();
  const steps = page.getByRole("table", { name: "Steps" });
  const content = steps.getByTestId("waterfall-row").filter({ hasText: "Writing the content" });
  await expect(content).toHaveCount(1);
  await expect(content).toContainText("scripted:e2e");
  await expect(content).toContainText(/\d[\d,]* \(\d[\d,]* in, \d[\d,]* out\)/);
  await expect(content).toContainText("cost unknown"); // a scripted model has no price: no invented figure
  await expect(steps.getByText("generation#1/content")).toBeHidden(); // the raw key only in the details
  const bar = content.locator(".bar");
  expect((await bar.boundingBox())?.width ?? 0).toBeGreaterThan(0);
  const totals = steps.getByTestId("waterfall-totals");
  await expect(totals).toContainText(/from first step to last/);
  await expect(totals).toContainText(/\d[\d,]* \(\d[\d,]* in, \d[\d,]* out\)/);
  await expect(totals).toContainText("cost unknown");

  await content.getByText("Input and output").click();
  await expect(content.getByRole("region", { name: "Input" })).toContainText("Plan");
  await expect(content.getByRole("region", { name: "Output" })).toContainText("Skill content");
  await expect(content.getByText("generation#1/content")).toBeVisible();

  const answers = page.getByTestId("checkpoint-answer");
  await expect(answers.filter({ hasText: "Asked for a refinement: “Mention canary releases”" })).toHaveCount(1);
  await expect(answers.filter({ hasText: " — " }).first()).toBeVisible(); // a clarifying question and its choice
  await expect(page.getByText('"action"')).toHaveCount(0); // no raw JSON
  await expectAccessible(page);

  // The README's screenshot of the timeline.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/timeline.png", animations: "disabled" });
});

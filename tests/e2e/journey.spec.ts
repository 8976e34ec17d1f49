import { expect, test, type Locator } from "@playwright/test";
import fs from "node:fs/promises";
import { validateSkillZip } from "../../server/skills/validator";
import { createJobInPage, expectAccessible, expectStatus } from "./support/helpers";

/** Answers every question of the clarify form with its first choice (or a sentence for free-text questions). */
async function answerEveryQuestion(form: Locator): Promise<void> {
  const questions = form.locator("fieldset");
  for (let i = 0; i < (await questions.count()); i++) {
    const question = questions.nth(i);
    const choice = question.locator('input[type="radio"], input[type="checkbox"]').first();
    if (await choice.count()) await choice.check();
    else await question.locator("textarea").fill("Our Kubernetes deployments, for on-call engineers");
  }
}

test("create → clarify → answer → preview → refine → proceed → result → zip → promote → library", async ({ page }) => {
  await createJobInPage(page, "Create a skill for our deployment checks [clarify]", ["Preview the content"]);

  const clarify = page.getByTestId("checkpoint-clarify");
  await expect(clarify).toBeVisible();
  await expectStatus(page, "needs your answers");
  await expect(page.getByTestId("connection")).toHaveText(/Live/);
  await expectAccessible(page);
  await answerEveryQuestion(clarify);
  await clarify.getByRole("button", { name: "Send answers" }).click();

  const preview = page.getByTestId("checkpoint-preview");
  await expect(preview).toBeVisible();
  await expect(preview.getByRole("heading", { name: "Preview the content" })).toBeVisible();
  await preview.getByRole("button", { name: "Refine with feedback" }).click();
  await expect(preview.getByRole("alert")).toHaveText("Write what should change first.");
  await preview.getByLabel(/^Feedback/).fill("- Add a section on rollback drills");
  await preview.getByRole("button", { name: "Refine with feedback" }).click();
  await expect(preview.getByText(/rollback drills/i).first()).toBeVisible();
  await expectAccessible(page);
  await preview.getByRole("button", { name: "Proceed" }).click();

  await expectStatus(page, "completed");
  await expect(page.getByTestId("skill-content")).toContainText(/rollback drills/i);
  await expect(page.getByTestId("validation-report")).toContainText("Passed");
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-zip").click()]);
  const zip = new Uint8Array(await fs.readFile(await download.path()));
  const report = await validateSkillZip(zip);
  expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);

  await page.getByRole("button", { name: "Promote" }).click();
  const promoted = page.getByRole("status").filter({ hasText: "In the library at" });
  await expect(promoted).toBeVisible();
  await promoted.getByRole("link").click();
  await expect(page).toHaveURL(/\/library\?path=/);
  const skillPath = decodeURIComponent(new URL(page.url()).searchParams.get("path") ?? "");
  await expect(
    page.getByRole("navigation", { name: "Skill library" }).getByRole("link", { name: skillPath.split("/").at(-1) }),
  ).toBeVisible();
  await expect(page.locator("#skill-title")).toHaveText(skillPath.split("/").at(-1) ?? "");
  await expect(page.getByTestId("validation-report")).toBeVisible();
  await expectAccessible(page);
});

test("an unknown job is a real 404 page", async ({ page }) => {
  const response = await page.goto("/jobs/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  expect((await page.goto("/jobs/not-a-uuid"))?.status()).toBe(404);
});

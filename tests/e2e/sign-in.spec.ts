import { expect, test, type Page } from "@playwright/test";
import { createJobInPage, expectAccessible, expectStatus } from "./support/helpers";

/**
 * Shared mode in a real browser (docs/security.md): a visitor is sent to the sign-in page, creates an account,
 * creates a skill as that user, manages an API token and signs out; the CSP lets the app run (no violation).
 */
const TASK = "Create a skill for reviewing PostgreSQL migrations for locking problems before deploying them";

function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function createAccount(page: Page, username: string): Promise<void> {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByRole("button", { name: "Create an account instead" }).click();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email").fill(`${username}@example.test`);
  await page.getByLabel("Password").fill(`${username}-password-1`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("account-menu")).toContainText(`Signed in as ${username}`);
}

test("a visitor signs up, creates a skill, manages a token and signs out, under the CSP", async ({ page }) => {
  const violations = collectCspViolations(page);
  const username = `e2e-${Date.now()}`;
  await createAccount(page, username);
  await expectAccessible(page);

  const jobId = await createJobInPage(page, TASK);
  // The offline engine's draft is a scaffold left for review.
  await expectStatus(page, "finished, needs review", 60_000);
  expect(jobId).toMatch(/^[0-9a-f-]{36}$/);

  await page.getByRole("link", { name: "API tokens" }).click();
  await page.getByLabel("Token name").fill("laptop CLI");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toHaveText(/^sft_[A-Za-z0-9_-]{43}$/);
  const tokens = page.getByRole("table", { name: "API tokens" });
  await expect(tokens).toContainText("laptop CLI");
  await tokens.getByRole("button", { name: "Revoke laptop CLI" }).click();
  await expect(tokens).toContainText("revoked");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`/jobs/${jobId}`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  expect(violations).toEqual([]);
});

test("a wrong password is refused with a message, and another user cannot see the job", async ({ page, browser }) => {
  const owner = `owner-${Date.now()}`;
  await createAccount(page, owner);
  const jobId = await createJobInPage(page, TASK);

  const other = await browser.newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Username").fill(owner);
  await other.getByLabel("Password").fill("not-the-password");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("alert")).toBeVisible();
  await createAccount(other, `other-${Date.now()}`);
  await other.goto(`/jobs/${jobId}`);
  await expect(other.getByRole("heading", { name: /not found/i })).toBeVisible();
  await other.close();
});

import { expect, test } from "@playwright/test";
import { createJobInPage, expectStatus } from "./support/helpers";

/** Hostile markup in the task and in generated content is shown as text and never runs. */
test("an XSS payload in the task and in the generated content renders as text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const payload = `<img src=x onerror="window.__xss='task'"><script>window.__xss='task-script'</script>`;
  await createJobInPage(page, `Create a skill for sanitising HTML ${payload} [xss]`, ["Preview the content"]);

  await expect(page.getByTestId("job-task")).toContainText(payload);
  const preview = page.getByTestId("checkpoint-preview");
  await expect(preview).toBeVisible();
  await expect(preview.getByRole("heading", { name: "Untrusted output" })).toBeVisible();
  await preview.getByRole("button", { name: "Proceed" }).click();
  await expectStatus(page, "completed");

  const content = page.getByTestId("skill-content");
  await expect(content.getByRole("heading", { name: "Untrusted output" })).toBeVisible();
  await expect(content.locator("script, img[onerror], [onerror]")).toHaveCount(0);
  await expect(content.locator('a[href^="javascript:"]')).toHaveCount(0);
  for (const link of await content.getByRole("link").all())
    await link.click({ noWaitAfter: true }).catch(() => undefined);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

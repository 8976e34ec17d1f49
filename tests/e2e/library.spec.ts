import { strToU8, zipSync } from "fflate";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/helpers";

/**
 * The library journey in the browser (offline engine): import a zip → edit SKILL.md with findings updating as you
 * type → save → diff → improve with instructions → preview the diff → accept → version 3 → restore version 1.
 */
const SKILL_MD = `---
name: deploy-notes
description: Use when deploying a web service to production and writing down what was shipped.
---

# Deploy notes

## When to Use

Use when shipping a release of a web service.

## Instructions

1. Build the release.
2. Ship it and write down the version.
`;

const LOGO = new Uint8Array([137, 80, 78, 71, 0, 255, 1, 2, 3]);

function versionRows(page: Page) {
  return page.getByRole("table", { name: "Version history" }).locator("tbody tr");
}

test("import a zip → edit with live findings → save → diff → improve → preview diff → accept v3 → restore v1", async ({
  page,
}) => {
  await page.goto("/library");
  await page.getByText("Import a skill (.zip or folder)").click();
  await page.getByLabel("Library path").fill("journey/deploy-notes");
  const zip = zipSync({ "deploy-notes/SKILL.md": strToU8(SKILL_MD), "deploy-notes/assets/logo.png": LOGO });
  await page
    .getByLabel("Zip file")
    .setInputFiles({ name: "deploy-notes.zip", mimeType: "application/zip", buffer: Buffer.from(zip) });
  await expect(page).toHaveURL(/path=journey%2Fdeploy-notes/);
  await expect(page.locator("#skill-title")).toHaveText("deploy-notes");
  await expect(versionRows(page)).toHaveCount(1);
  await expect(page.getByTestId("skill-origin")).toContainText("v1 import by default");

  // Edit: a broken link typed at the end shows up as a finding, on its line, without saving.
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(/\/library\/edit\?path=/);
  await expect(page.getByTestId("findings-status")).toBeVisible();
  await expect(page.getByTestId("findings")).not.toContainText("quality/broken-link");
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\n## Rollback\n\nSee [the runbook](references/runbook.md).\n");
  await expect(page.getByTestId("findings")).toContainText("quality/broken-link");
  await expect(page.locator(".cm-lintRange").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Message").fill("Add a rollback section");
  await page.getByRole("button", { name: "Save as a new version" }).click();

  // Back in the library: version 2, and the diff against version 1.
  await expect(page).toHaveURL(/\/library\?path=/);
  await expect(versionRows(page)).toHaveCount(2);
  await expect(page.getByTestId("diff")).toContainText("+## Rollback");

  // Improve with instructions; the preview shows the diff against the original; accept; promote as version 3.
  await page.getByLabel("Instructions").fill("Add a section about monitoring");
  await page.getByRole("button", { name: "Improve v2" }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  const preview = page.getByTestId("checkpoint-preview");
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByLabel("Changes against the original")).toContainText("+## Monitoring");
  await preview.getByRole("button", { name: "Proceed" }).click();
  const status = page.getByTestId("job-status");
  await expect(status).toHaveAttribute("data-status", /^(completed|pending_review)$/, { timeout: 30_000 });
  if ((await status.getAttribute("data-status")) === "pending_review")
    await page.getByRole("checkbox", { name: /Promote anyway/ }).check();
  await page.getByRole("button", { name: "Promote" }).click();
  const promoted = page.getByRole("status").filter({ hasText: /version 3/ });
  await expect(promoted).toBeVisible();
  await promoted.getByRole("link").click();
  await expect(versionRows(page)).toHaveCount(3);
  await expect(versionRows(page).first()).toContainText("improve");

  // Restore version 1 (as version 4: history only grows).
  await page.getByRole("button", { name: "Restore v1" }).click();
  await expect(versionRows(page)).toHaveCount(4);
  await expect(versionRows(page).first()).toContainText("Restore version 1");
  await expect(page.getByTestId("skill-origin")).toContainText("v4 edit");
  await expectAccessible(page);
});

test("a bad zip is refused with a clear message and changes nothing", async ({ page }) => {
  await page.goto("/library");
  await page.getByText("Import a skill (.zip or folder)").click();
  const evil = zipSync({ "x/SKILL.md": strToU8(SKILL_MD), "../evil.sh": strToU8("boom") });
  await page
    .getByLabel("Zip file")
    .setInputFiles({ name: "evil.zip", mimeType: "application/zip", buffer: Buffer.from(evil) });
  await expect(page.getByRole("alert").filter({ hasText: "Zip entry" })).toContainText(
    'must not contain "." or ".." segments',
  );
  await expect(page).not.toHaveURL(/path=/);
});

import { expect, test } from "@playwright/test";
import { AGENT_IDS, installCommand } from "../../contracts/agents";
import { expectAccessible } from "./support/helpers";

/** A library skill's install commands (one per agent, each copyable) and the MCP setup page (docs/distribution.md). */
const SKILL = "python/pytest-fixtures";

test("a library skill shows its install command for every agent, and the copy button copies it", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/library?path=${encodeURIComponent(SKILL)}`);
  await page.getByText("Install into an agent").click();
  const rows = page.getByTestId("install-commands").locator("li[data-agent]");
  await expect(rows).toHaveCount(AGENT_IDS.length);
  for (const agent of AGENT_IDS)
    await expect(page.locator(`li[data-agent="${agent}"] code`)).toHaveText(installCommand(SKILL, agent));
  await page.getByRole("button", { name: "Copy the install command for Codex" }).click();
  await expect(page.locator('li[data-agent="codex"]').getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(installCommand(SKILL, "codex"));
  await expectAccessible(page);
});

test("the MCP page gives this server's endpoint for Claude Code, Codex, VS Code and Cursor", async ({
  page,
  baseURL,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "MCP" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Use the library over MCP");
  for (const client of ["Claude Code", "Codex", "VS Code", "Cursor"])
    await expect(page.getByRole("region", { name: client })).toBeVisible();
  await expect(page.getByRole("region", { name: "Claude Code" })).toContainText(`${baseURL}/api/mcp`);
  await expect(page.getByRole("region", { name: "Codex" })).toContainText(`"--url", "${baseURL}"`);
  await expectAccessible(page);
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("system.info answers over real HTTP with the offline engine and the embedded database", async ({ request }) => {
  const response = await request.get("/api/trpc/system.info");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { result: { data: { json: Record<string, unknown> } } };
  expect(body.result.data.json).toMatchObject({
    engine: "offline",
    offline: true,
    databaseKind: "pglite",
    version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
  });
});

test("bad input over HTTP is a 400 with the zod problem and no stack trace", async ({ request }) => {
  const response = await request.get(
    `/api/trpc/system.info?input=${encodeURIComponent(JSON.stringify({ json: { surprise: 1 } }))}`,
  );
  expect(response.status()).toBe(400);
  const text = await response.text();
  expect(text).toContain("BAD_REQUEST");
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
});

test("the shell loads in chromium and shows the engine and database in use, with a favicon", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("engine-name")).toHaveText("Engine: offline");
  // The kind of database, never where it is (no file path or URL in the page).
  await expect(page.getByTestId("system-info")).toHaveText("Engine: offlineDatabase: pglite");
  const icon = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect(icon).toMatch(/^\/icon\.svg/);
  expect((await page.request.get(icon ?? "")).status()).toBe(200);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const label of ["Create", "Jobs", "Library", "Validate", "MCP"])
    await expect(nav.getByRole("link", { name: label })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Create" })).toHaveAttribute("aria-current", "page");
});

test("each nav page opens and has no serious accessibility violations", async ({ page }) => {
  await page.goto("/");
  for (const [label, path] of [
    ["Create", "/"],
    ["Jobs", "/jobs"],
    ["Library", "/library"],
    ["Validate", "/validate"],
    ["MCP", "/mcp"],
  ] as const) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`127\\.0\\.0\\.1:\\d+${path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => v.id)).toEqual([]);
  }
});

test("an unknown address is a real 404 page", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

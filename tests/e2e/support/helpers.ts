import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Creates a job through the real tRPC endpoint (as another tab or the CLI would) and returns its id. */
export async function createJobViaApi(
  request: APIRequestContext,
  task: string,
  options: Record<string, boolean> = {},
): Promise<string> {
  const response = await request.post("/api/trpc/skills.create", { data: { json: { task, options } } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { result: { data: { json: { jobId: string } } } };
  return body.result.data.json.jobId;
}

/** Types a task on the Create page, picks options, submits, and waits for the job page. */
export async function createJobInPage(page: Page, task: string, options: string[] = []): Promise<string> {
  await page.goto("/");
  await page.getByLabel("What should the skill teach an agent to do?").fill(task);
  for (const option of options) await page.getByRole("checkbox", { name: new RegExp(option) }).check();
  await page.getByRole("button", { name: "Create skill" }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1) ?? "";
}

export async function expectStatus(page: Page, status: string, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId("job-status")).toHaveText(status, { timeout });
}

/** axe-core over the page as it is now: no serious or critical violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

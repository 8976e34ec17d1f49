import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Creates a job through the real tRPC endpoint (as another tab or the CLI would) and returns its id. */
export async function createJobViaApi(
  request: APIRequestContext,
  task: string,
  options: Record<string, boolean> = {},
  baseURL = "",
): Promise<string> {
  const response = await request.post(`${baseURL}/api/trpc/skills.create`, { data: { json: { task, options } } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { result: { data: { json: { jobId: string } } } };
  return body.result.data.json.jobId;
}

/** Types a task on the Create page, picks options, submits, and waits for the job page. */
export async function createJobInPage(page: Page, task: string, options: string[] = []): Promise<string> {
  await page.goto("/");
  // Typing before React hydrates the form would be reset by it: wait until the form is live.
  await page.locator("form[data-hydrated]").waitFor();
  await page.getByLabel("What should the skill teach an agent to do?").fill(task);
  for (const option of options) await page.getByRole("checkbox", { name: new RegExp(option) }).check();
  await page.getByRole("button", { name: "Create skill" }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1) ?? "";
}

export async function expectStatus(page: Page, status: string, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId("job-status")).toHaveText(status, { timeout });
}

/** axe-core over the page as it is now, in the light and the dark colour scheme: no serious or critical violations. */
export async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    const found = serious.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(found).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

interface Question {
  id: string;
  questionType: string;
  options: { id: string }[];
}
interface JobView {
  id: string;
  status: string;
  task: string;
  pendingCheckpoint: { id: string; type: string; prompt: { questions?: Question[] } } | null;
}

/** jobs.get over real HTTP, as another client would read it. */
export async function getJob(request: APIRequestContext, jobId: string, baseURL = ""): Promise<JobView> {
  const input = encodeURIComponent(JSON.stringify({ json: { jobId } }));
  const response = await request.get(`${baseURL}/api/trpc/jobs.get?input=${input}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { json: JobView } } }).result.data.json;
}

/** Waits (generously, polling the API) until the job is in one of `statuses`; returns it. */
export async function waitForJobStatus(
  request: APIRequestContext,
  jobId: string,
  statuses: string[],
  timeout = 45_000,
  baseURL = "",
): Promise<JobView> {
  let job: JobView | undefined;
  await expect
    .poll(async () => (job = await getJob(request, jobId, baseURL)).status, { timeout, message: `job ${jobId} status` })
    .toMatch(new RegExp(`^(${statuses.join("|")})$`));
  if (!job) throw new Error("unreachable: polled at least once");
  return job;
}

/** Answers the job's clarifying questions over the API (as another tab or the CLI would): the first choice each. */
export async function answerClarifyViaApi(request: APIRequestContext, jobId: string): Promise<void> {
  const checkpoint = (await getJob(request, jobId)).pendingCheckpoint;
  expect(checkpoint?.type).toBe("clarify");
  const answers = Object.fromEntries(
    (checkpoint?.prompt.questions ?? []).map((q) => [
      q.id,
      q.questionType === "text"
        ? { selected: [], text: "Our Kubernetes deployments" }
        : { selected: [q.questionType === "boolean" ? "yes" : (q.options[0]?.id ?? "")] },
    ]),
  );
  const response = await request.post("/api/trpc/hitl.answer", {
    data: { json: { jobId, checkpointId: checkpoint?.id, response: { action: "answer", answers } } },
  });
  expect(response.status()).toBe(200);
}

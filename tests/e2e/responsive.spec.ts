import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createJobViaApi, waitForJobStatus } from "./support/helpers";

/**
 * Every page and every checkpoint form at a phone's 390 px (and at 768 and 1280): nothing wider than the screen
 * (tables and code scroll in their own box), and every action button can be reached and tapped: inside the screen,
 * and nothing else on top of it.
 */
const WIDTHS = [390, 768, 1280];

interface Place {
  name: string;
  path: string;
}

async function jobIn(
  request: APIRequestContext,
  task: string,
  options: Record<string, boolean>,
  statuses: string[],
): Promise<string> {
  const jobId = await createJobViaApi(request, task, options);
  await waitForJobStatus(request, jobId, statuses);
  return jobId;
}

/** One job in each state the job page has: every checkpoint form and every way a job ends. */
async function jobPlaces(request: APIRequestContext): Promise<Place[]> {
  const waiting = ["pending_user_input", "pending_hitl"];
  const jobs: [string, string, Record<string, boolean>, string[]][] = [
    ["clarify", "Create a skill for our deployment checks [clarify]", {}, waiting],
    ["structure_fix", "Create a skill for writing release notes [bad-name]", {}, waiting],
    ["confirm", "Create a skill for database failover runbooks", { confirmPlan: true }, waiting],
    ["preview", "Create a skill for debugging flaky Playwright tests", { previewContent: true }, waiting],
    ["validate", "Create a skill for reviewing Terraform plans", { reviewValidation: true }, waiting],
    ["failed", "Create a skill for sorting invoices [fail]", {}, ["failed"]],
    ["completed", "Create a skill for writing SQL window functions", {}, ["completed"]],
    ["pending_review", "Create a skill for naming Kubernetes labels [poor]", {}, ["pending_review"]],
  ];
  const places: Place[] = [];
  for (const [name, task, options, statuses] of jobs) {
    const jobId = await jobIn(request, task, options, statuses);
    places.push({ name: `job: ${name}`, path: `/jobs/${jobId}` });
    if (name === "completed") places.push({ name: "timeline", path: `/jobs/${jobId}/timeline` });
  }
  const cancelled = await jobIn(request, "Create a skill for on-call handovers", { confirmPlan: true }, waiting);
  const response = await request.post("/api/trpc/jobs.cancel", { data: { json: { jobId: cancelled } } });
  expect(response.status()).toBe(200);
  places.push({ name: "job: cancelled", path: `/jobs/${cancelled}` });
  return places;
}

const PAGES: Place[] = [
  { name: "create", path: "/" },
  { name: "jobs", path: "/jobs" },
  { name: "library", path: "/library" },
  { name: "validate", path: "/validate" },
  { name: "not found", path: "/no/such/page" },
];

async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const [scrollWidth, windowWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth, `${where}: page is ${scrollWidth} px wide in a ${windowWidth} px window`).toBeLessThanOrEqual(
    windowWidth,
  );
}

/** Each visible action is inside the screen once scrolled to, and a tap on it would land on it (trial click). */
async function expectActionsReachable(page: Page, scope: string, where: string): Promise<number> {
  const actions = page.locator(`${scope} button:visible, ${scope} a.button:visible`);
  const count = await actions.count();
  const width = page.viewportSize()?.width ?? 0;
  for (let i = 0; i < count; i++) {
    const action = actions.nth(i);
    const name = `${where}: "${(await action.textContent())?.trim()}"`;
    await action.scrollIntoViewIfNeeded();
    const box = await action.boundingBox();
    expect(box, name).not.toBeNull();
    expect(box && box.x >= 0 && box.x + box.width <= width, `${name} is inside the screen`).toBe(true);
    if (await action.isEnabled()) await action.click({ trial: true, timeout: 5_000 });
  }
  return count;
}

async function open(page: Page, place: Place): Promise<void> {
  await page.goto(place.path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Settled: the client has rendered what it fetched (no "Loading…" left in the main area).
  await expect(page.locator("main [aria-busy=true]")).toHaveCount(0);
}

test("every page and checkpoint form fits a phone, a tablet and a desktop, with every action reachable", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const places = [...PAGES, ...(await jobPlaces(request))];
  await page.goto("/library");
  const skill = page.getByRole("navigation", { name: "Skill library" }).getByRole("link").first();
  places.push({ name: "library skill", path: (await skill.getAttribute("href")) ?? "/library" });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    for (const place of places) {
      await open(page, place);
      await expectNoOverflow(page, `${place.name} at ${width} px`);
      if (width === 390) await expectActionsReachable(page, "main", `${place.name} at 390 px`);
    }
  }
});

test("the cancel confirmation fits a phone and its buttons can be tapped", async ({ page, request }) => {
  const jobId = await jobIn(request, "Create a skill for code review etiquette", { confirmPlan: true }, [
    "pending_hitl",
  ]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/jobs/${jobId}`);
  await page.getByRole("button", { name: "Cancel job…" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this job?" });
  await expect(dialog).toBeVisible();
  await expectNoOverflow(page, "cancel dialog");
  expect(await expectActionsReachable(page, "dialog", "cancel dialog")).toBe(2);
  await dialog.getByRole("button", { name: "Keep it running" }).click();
  await expect(dialog).toBeHidden();
});

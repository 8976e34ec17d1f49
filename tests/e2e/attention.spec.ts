import { expect, test } from "@playwright/test";
import { answerClarifyViaApi, createJobViaApi, expectAccessible, waitForJobStatus } from "./support/helpers";

/**
 * A waiting checkpoint you cannot miss (docs/ui.md, Checkpoints): focus and a live announcement, the tab title, an
 * opt-in notification for a hidden tab, a relative deadline with the exact time on hover, and a notice when the
 * question was answered in another tab.
 */
test("a new checkpoint takes the focus, is announced, and names itself in the tab title", async ({ page }) => {
  const jobId = await createJobViaApi(page.request, "Create a skill for tuning JVM garbage collection [slow]", {
    previewContent: true,
  });
  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByTestId("job-status")).toHaveText("running");
  const before = await page.title();
  expect(before).not.toMatch(/Needs your answer/);

  const heading = page.getByRole("heading", { name: "Preview the content" });
  await expect(heading).toBeVisible({ timeout: 30_000 });
  await expect(heading).toBeFocused();
  await expect(page.getByTestId("announcer")).toHaveText("Preview the content: the job needs your answer.");
  await expect(page).toHaveTitle(/^● Needs your answer · [a-z0-9-]+$/);

  const deadline = page.getByTestId("checkpoint-deadline").locator("time");
  await expect(deadline).toContainText(/in (23|24) hr\./);
  const exact = await deadline.getAttribute("title");
  expect(exact).toMatch(/\d/);
  expect(Date.parse((await deadline.getAttribute("datetime")) ?? "")).toBeGreaterThan(Date.now());
  await expectAccessible(page);

  await page.getByRole("button", { name: "Proceed" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("completed");
  await expect(page.getByTestId("announcer")).toHaveText("The job is completed.");
  await expect(page).toHaveTitle(before);
});

test("with notifications on, a job that needs you while its tab is hidden notifies", async ({ page, context }) => {
  await context.grantPermissions(["notifications"]);
  // The browser's own Notification, watched; and a switch for "this tab is hidden" (headless tabs never are).
  await page.addInitScript(() => {
    const seen: string[] = [];
    const Real = window.Notification;
    class Watched extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        seen.push(`${title} | ${options?.body ?? ""}`);
      }
    }
    Object.assign(window, { __notifications: seen, __hidden: false, Notification: Watched });
    Object.defineProperty(document, "hidden", { get: () => (window as unknown as { __hidden: boolean }).__hidden });
  });
  const jobId = await createJobViaApi(page.request, "Create a skill for our deployment checks [clarify]", {
    previewContent: true,
  });
  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByTestId("checkpoint-clarify")).toBeVisible();
  const toggle = page.getByRole("checkbox", { name: "Notify me when a job needs me" });
  await toggle.check();
  await expect(toggle).toBeChecked();

  await page.evaluate(() => Object.assign(window, { __hidden: true }));
  await answerClarifyViaApi(page.request, jobId);
  await expect(page.getByTestId("checkpoint-preview")).toBeVisible();
  const notes = () => page.evaluate(() => (window as unknown as { __notifications: string[] }).__notifications);
  await expect.poll(notes).toEqual(["Skill Fleet: a job needs your answer | Preview the content"]);
});

test("an answer sent from another tab closes this tab's form with a notice", async ({ context }) => {
  const [first, second] = [await context.newPage(), await context.newPage()];
  const jobId = await createJobViaApi(first.request, "Create a skill for writing changelogs", { previewContent: true });
  await waitForJobStatus(first.request, jobId, ["pending_hitl"]);
  await Promise.all([first.goto(`/jobs/${jobId}`), second.goto(`/jobs/${jobId}`)]);
  await second.getByLabel(/^Feedback/).fill("Half-written feedback that was never sent");

  await first.getByRole("button", { name: "Proceed" }).click();
  await expect(first.getByTestId("job-status")).toHaveText("completed");
  await expect(first.getByTestId("answered-elsewhere")).toHaveCount(0);

  await expect(second.getByTestId("job-status")).toHaveText("completed");
  const notice = second.getByTestId("answered-elsewhere");
  await expect(notice).toContainText("answered in another tab or window");
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
});

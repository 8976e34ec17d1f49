import { expect, test } from "@playwright/test";
import { createJobViaApi, expectStatus } from "./support/helpers";

/** The job page follows a running job live, across a reload and in two tabs at once. */
test("reloading mid-job shows the same state and keeps streaming to the end", async ({ page, request }) => {
  const jobId = await createJobViaApi(request, "Create a skill for tuning JVM garbage collection [slow]", {
    streamTokens: true,
  });
  await page.goto(`/jobs/${jobId}`);
  await expectStatus(page, "running");
  await expect(page.getByTestId("connection")).toHaveText(/Live/);
  const stepsBefore = await page.getByRole("list", { name: "Step log" }).locator("li").count();
  await page.reload();
  await expectStatus(page, "running");
  // Replayed history: at least the steps seen before the reload are listed again.
  await expect
    .poll(async () => page.getByRole("list", { name: "Step log" }).locator("li").count())
    .toBeGreaterThanOrEqual(stepsBefore);
  await expectStatus(page, "completed", 45_000);
  await expect(page.getByTestId("progress-percent")).toHaveText("100%");
  await expect(page.getByTestId("connection")).toHaveText("Finished");
});

test("two tabs on one job both follow it to the end", async ({ context, request }) => {
  const jobId = await createJobViaApi(request, "Create a skill for writing SQL window functions [slow]");
  const [first, second] = [await context.newPage(), await context.newPage()];
  await Promise.all([first.goto(`/jobs/${jobId}`), second.goto(`/jobs/${jobId}`)]);
  await Promise.all([expectStatus(first, "completed", 45_000), expectStatus(second, "completed", 45_000)]);
  const steps = async (page: typeof first) =>
    page.getByRole("list", { name: "Step log" }).locator("li").allTextContents();
  expect(await steps(first)).toEqual(await steps(second));
});

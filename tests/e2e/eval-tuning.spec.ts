import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectStatus } from "./support/helpers";

/**
 * Evals from a library skill's page (docs/evals.md), on the scripted model: version 2 is evaluated against version 1
 * instead of no skill, the description tuning proposes a description learnt from the trigger queries it missed, and
 * accepting it saves version 3. The requests that should load the skill share no words with its description, so
 * only a tuned description gets the held-out ones right.
 */
const skillMd = (body: string) =>
  `---\nname: tune-flaky\ndescription: Use when a build is red\n---\n\n# Flaky suites\n\n${body}\n`;
const TRIGGERS = [
  ...["nightly", "staging", "release", "local", "preview", "canary"].map((where) => ({
    query: `playwright retries intermittent failures ${where} pipeline`,
    should_trigger: true,
  })),
  ...["bake sourdough bread", "write a haiku about autumn", "plan a vacation itinerary", "sort socks"].map((query) => ({
    query,
    should_trigger: false,
  })),
];
const EVALS = { evals: [{ id: 1, prompt: "The suite is flaky", expectations: ["Uses `--retries=3`"] }] };

async function call(request: APIRequestContext, procedure: string, input: unknown): Promise<void> {
  const response = await request.post(`/api/trpc/${procedure}`, { data: { json: input } });
  expect(response.status(), await response.text()).toBe(200);
}

test("evaluates v2 against v1 from the library page, then accepts the tuned description as v3", async ({
  page,
  request,
}, testInfo) => {
  // A retry starts from a skill of its own: the first attempt may have saved versions already.
  const PATH = `e2e-${testInfo.retry}/tune-flaky`;
  await call(request, "library.import", {
    path: PATH,
    files: [
      { path: "SKILL.md", text: skillMd("1. Read the trace.") },
      { path: "evals/evals.json", text: JSON.stringify(EVALS) },
      { path: "evals/trigger-evals.json", text: JSON.stringify(TRIGGERS) },
    ],
  });
  await call(request, "library.save", {
    path: PATH,
    baseVersion: 1,
    files: [
      { path: "SKILL.md", text: skillMd("1. Rerun with `--retries=3` and read the trace.") },
      { path: "evals/evals.json", from: "evals/evals.json" },
      { path: "evals/trigger-evals.json", from: "evals/trigger-evals.json" },
    ],
    message: "retries",
  });

  await page.goto(`/library?path=${encodeURIComponent(PATH)}`);
  const form = page.getByRole("form", { name: "Run evals" });
  await expect(form.getByLabel("Version to evaluate")).toHaveValue("2");
  await form.getByLabel("Baseline").selectOption({ label: "Version 1" });
  await form.getByLabel(/Runs per case/).fill("1");
  await form.getByRole("button", { name: "Run evals" }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("job-task")).toHaveText(`Eval of ${PATH} (version 2)`);
  await expectStatus(page, "completed", 60_000);

  const benchmark = page.getByTestId("benchmark");
  await expect(benchmark.getByRole("columnheader")).toHaveText(["Case", "With the skill", "Version 1", "Difference"]);
  await expect(page.getByTestId("benchmark-overall")).toContainText(/Overall\s*100%\s*0%\s*\+100 pts/);

  const tuning = page.getByTestId("description-tuning");
  await expect(tuning).toContainText(/Attempt 1 got 100% of the 4 held-out queries right, against 50%/);
  await expect(tuning.getByTestId("word-diff").locator("ins")).toContainText("Use it also for requests like");
  await tuning.getByRole("button", { name: "Accept as a new version" }).click();
  await expect(tuning.getByTestId("tuning-decision")).toHaveText(`Accepted: saved as version 3 of ${PATH}.`);
  await expect(tuning.getByRole("button", { name: "Reject" })).toHaveCount(0);

  await tuning.getByRole("link", { name: "version 3" }).click();
  await expect(page.getByRole("heading", { name: "tune-flaky" })).toBeVisible();
  await expect(page.locator("article .badge").first()).toHaveText("v3");
  await expect(page.getByText("Use it also for requests like").first()).toBeVisible();
});

import pLimit from "p-limit";
import { evalJobOptionsSchema, type EvalJobOptions, type EvalResult } from "../../../contracts/eval-result";
import { percent } from "../../../contracts/eval-report";
import { toJson, toJsonObject } from "../../../contracts/json";
import { env } from "../../common/env";
import type { WorkflowContext } from "../../durable/engine";
import type { WorkflowOutcome } from "../../durable/workflow";
import { factsOf, textOf } from "../../skills/library/files";
import type { SkillLibrary } from "../../skills/library/index";
import { splitSkillMd } from "../../skills/skill-md";
import { EvalBudget } from "./budget";
import { EvalCalls } from "./eval-calls";
import { evalSuiteOf, type EvalSuite } from "./eval-files";
import { loadSkill, runFunctional, type Loaded } from "./functional";
import { functionalSummary, triggerSummary, usageSummary } from "./summary";
import { runTriggers, type SkillEntry } from "./trigger";
import { tuneDescription } from "./tune";

/** What the eval workflow reads: the version under test and the library's other skills (trigger evals). */
export interface EvalWorkflowDeps {
  library: SkillLibrary;
}

/** The library's other skills as the `<available_skills>` list shows them, read once (durably) per job. */
async function otherSkills(deps: EvalWorkflowDeps, ctx: WorkflowContext, skillPath: string): Promise<SkillEntry[]> {
  const read = async () =>
    toJson(
      (await deps.library.list())
        .filter((skill) => skill.path !== skillPath)
        .map((skill) => ({ name: skill.name, description: skill.description })),
    );
  return (await ctx.run("setup#1/library", read)) as unknown as SkillEntry[];
}

function callsFor(ctx: WorkflowContext): EvalCalls {
  const settings = env();
  const budget = new EvalBudget({
    maxCalls: settings.SKILL_FLEET_EVAL_MAX_CALLS,
    maxTokens: settings.SKILL_FLEET_EVAL_MAX_TOKENS,
  });
  return new EvalCalls(ctx, budget, pLimit(settings.SKILL_FLEET_EVAL_CONCURRENCY));
}

type Files = Parameters<typeof evalSuiteOf>[0];

/** The skill as agents load it, from one version's files. */
const loaded = (o: EvalJobOptions, files: Files): Loaded =>
  loadSkill(factsOf(o.skillPath, files).name ?? o.skillPath, files);

/** What the "without" side loads when the eval compares two versions (immutable: a replay reads the same files). */
async function baselineOf(deps: EvalWorkflowDeps, o: EvalJobOptions): Promise<Loaded | null> {
  if (!o.baselineVersionId) return null;
  const { files } = await deps.library.version(o.baselineVersionId);
  return loaded(o, files);
}

/** One eval job's run: what every part reads, with the eval files parsed once. */
interface EvalRun {
  deps: EvalWorkflowDeps;
  ctx: WorkflowContext;
  calls: EvalCalls;
  o: EvalJobOptions;
  files: Files;
  suite: EvalSuite;
}

async function functionalPart({ deps, ctx, calls, o, files, suite }: EvalRun) {
  if (!suite.cases.length) return { summary: null, runs: [] };
  await ctx.phase("Functional evals");
  const against = o.baselineVersionNumber ? `against version ${o.baselineVersionNumber}` : "with and without the skill";
  await ctx.progress(5, `Running ${suite.cases.length} cases × ${o.runs} runs, ${against}`);
  const runs = await runFunctional(calls, suite.cases, loaded(o, files), o.runs, await baselineOf(deps, o));
  const summary = functionalSummary(runs);
  const { overall } = summary;
  const other = o.baselineVersionNumber ? `version ${o.baselineVersionNumber}` : "without";
  await ctx.emit({
    type: "reasoning",
    message: `Pass rate with the skill ${percent(overall.with.mean)}, ${other} ${percent(overall.without.mean)}`,
    data: { with: overall.with.mean, without: overall.without.mean, delta: overall.delta },
  });
  return { summary, runs };
}

async function triggerPart({ deps, ctx, calls, o, files, suite }: EvalRun) {
  if (!suite.triggers.length) return null;
  await ctx.phase("Trigger evals");
  await ctx.progress(60, `Asking which skill to load for ${suite.triggers.length} queries × ${o.runs} runs`);
  const facts = factsOf(o.skillPath, files);
  const self = { name: facts.name ?? o.skillPath, description: facts.description ?? "" };
  const others = await otherSkills(deps, ctx, o.skillPath);
  const runs = await runTriggers(calls, suite.triggers, [self, ...others], o.runs);
  const summary = triggerSummary(runs, self.name);
  const named = summary.collisions.map((c) => c.skill).join(", ") || "none";
  await ctx.emit({
    type: "reasoning",
    message: `Trigger precision ${percent(summary.precision)}, recall ${percent(summary.recall)}; collisions: ${named}`,
    data: { precision: summary.precision, recall: summary.recall },
  });
  return { summary, runs, self, others, queries: suite.triggers };
}

type TriggerPart = NonNullable<Awaited<ReturnType<typeof triggerPart>>>;

/** Description tuning, after the trigger evals and from their result; its calls are kept for the usage. */
async function tunePart({ ctx, calls, o, files }: EvalRun, trigger: TriggerPart) {
  await ctx.phase("Description tuning");
  await ctx.progress(80, "Looking for a description that triggers better on held-out queries");
  const skillMd = files.find((file) => file.path === "SKILL.md");
  const split = splitSkillMd(skillMd ? (textOf(skillMd) ?? "") : "");
  const body = split.kind === "ok" ? split.body : "";
  const tuning = await tuneDescription({
    calls,
    queries: trigger.queries,
    self: trigger.self,
    others: trigger.others,
    runs: o.runs,
    current: trigger.summary,
    skillBody: body.slice(0, 4000),
  });
  await ctx.emit({
    type: "reasoning",
    message: `Description tuning: ${tuning.reason}`,
    data: { status: tuning.status },
  });
  return tuning;
}

/**
 * The eval workflow (docs/evals.md): functional evals (with and without the skill, judged), then trigger evals,
 * every model call a durable keyed step; the result holds the figures and every run's answer and verdicts.
 */
export const evalWorkflow = (deps: EvalWorkflowDeps) =>
  async function runEvalWorkflow(ctx: WorkflowContext): Promise<WorkflowOutcome> {
    const options = evalJobOptionsSchema.parse(ctx.job.options);
    // Versions are immutable, so a replay reads the same files.
    const { files } = await deps.library.version(options.sourceVersionId);
    const run: EvalRun = { deps, ctx, calls: callsFor(ctx), o: options, files, suite: evalSuiteOf(files) };
    const functional = await functionalPart(run);
    const trigger = await triggerPart(run);
    const tuning = trigger && options.tune ? await tunePart(run, trigger) : null;
    const result: EvalResult = {
      kind: "eval",
      skillPath: options.skillPath,
      versionId: options.sourceVersionId,
      versionNumber: options.versionNumber,
      engine: ctx.job.engine,
      runs: options.runs,
      functional: functional.summary,
      trigger: trigger?.summary ?? null,
      usage: usageSummary(run.calls.spent),
      baseline: options.baselineVersionId
        ? { kind: "version", versionId: options.baselineVersionId, versionNumber: options.baselineVersionNumber ?? 0 }
        : { kind: "none" },
      tuning,
    };
    return { status: "completed", result: toJsonObject(result) };
  };

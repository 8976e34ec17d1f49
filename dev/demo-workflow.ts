import { setTimeout as sleep } from "node:timers/promises";
import type { Json, JsonObject } from "../server/durable/types";
import type { StepIo, WorkflowContext } from "../server/durable/engine";
import type { WorkflowDefinition, WorkflowOutcome } from "../server/durable/workflow";
import type { z } from "zod";
import { CHECKPOINT_SCHEMAS } from "../contracts/checkpoints";

/**
 * A small workflow that exercises the engine end to end (steps, a checkpoint, tokens, failure) without any
 * model: the engine's tests and the black-box HTTP tests run it (SKILL_FLEET_WORKFLOW=demo). Its behaviour is
 * driven by `key=value` words in the task: `steps=3` generation steps, `delay=50` ms per step, `fail=2` makes
 * generation step 2 throw, `ask=yes|no` forces or skips the confirm checkpoint (default: options.confirmPlan).
 */
export interface DemoSettings {
  steps: number;
  delayMs: number;
  failAt: number | null;
  ask: boolean;
}

function setting(task: string, name: string): string | undefined {
  return new RegExp(`\\b${name}=([a-z0-9]+)`, "i").exec(task)?.[1];
}

export function demoSettings(task: string, confirmPlan: boolean): DemoSettings {
  const ask = setting(task, "ask");
  const fail = setting(task, "fail");
  return {
    steps: Math.min(20, Math.max(1, Number(setting(task, "steps") ?? 3) || 3)),
    delayMs: Math.min(60_000, Math.max(0, Number(setting(task, "delay") ?? 0) || 0)),
    failAt: fail === undefined ? null : Number(fail),
    ask: ask === undefined ? confirmPlan : ask === "yes",
  };
}

/** Waits `ms`, or rejects as soon as the job is aborted. */
export const pause = (ms: number, signal: AbortSignal): Promise<void> => sleep(ms, undefined, { signal });

async function generatePart(ctx: WorkflowContext, io: StepIo, settings: DemoSettings, index: number): Promise<Json> {
  await pause(settings.delayMs, io.signal);
  if (settings.failAt === index) throw new Error(`demo step ${index} failed as requested`);
  const text = `Part ${index} of ${ctx.job.task.slice(0, 40)}.`;
  for (const word of text.split(" ")) ctx.token(`${word} `);
  io.reportUsage({ inputTokens: 10, outputTokens: text.length, totalTokens: 10 + text.length });
  return { index, text };
}

async function understand(ctx: WorkflowContext, settings: DemoSettings): Promise<JsonObject> {
  await ctx.phase("Understanding");
  const outline = await ctx.run("understanding#1/outline", async (io) => {
    await pause(settings.delayMs, io.signal);
    return { words: ctx.job.task.split(/\s+/).length, parts: settings.steps };
  });
  await ctx.progress(25, "Understood the task");
  if (!settings.ask) return { action: "proceed" };
  return ctx.ask("understanding#1/confirm", {
    type: "confirm",
    prompt: { summary: `Write ${settings.steps} parts`, outline },
    waits: "pending_hitl",
  });
}

export async function demoWorkflow(ctx: WorkflowContext): Promise<WorkflowOutcome> {
  const settings = demoSettings(ctx.job.task, ctx.job.options.confirmPlan === true);
  const answer = await understand(ctx, settings);
  await ctx.phase("Generation");
  const parts: Json[] = [];
  for (let index = 1; index <= settings.steps; index++) {
    parts.push(await ctx.run(`generation#1/part-${index}`, (io) => generatePart(ctx, io, settings, index)));
    await ctx.progress(25 + Math.round((50 * index) / settings.steps), `Generated part ${index}`);
  }
  await ctx.phase("Validation");
  const content = parts
    .map((part) => (typeof part === "object" && part !== null && "text" in part ? String(part.text) : ""))
    .join("\n");
  await ctx.emit({ type: "reasoning", message: "Demo validation always passes" });
  return { result: { name: "demo-skill", description: "A demo result", content, passed: true, score: 1, answer } };
}

/** The demo as the engine sees it: its one checkpoint takes the skill workflow's confirm answers. */
export const demoWorkflowDefinition: WorkflowDefinition = {
  name: "demo",
  run: demoWorkflow,
  answers: { confirm: CHECKPOINT_SCHEMAS.confirm.response as z.ZodType<JsonObject> },
};

import { toJsonObject } from "../contracts/json";
import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "../server/trpc/root";
import { CHECKPOINT_SCHEMAS } from "../contracts/checkpoints";
import { autoAnswer, askCheckpoint, type CheckpointType, type RawAnswer } from "./checkpoint-prompts";
import type { SkillFleetClient } from "./client";
import { CliError, errorCode } from "./errors";
import { EventQueue } from "./event-queue";
import { eventLine, type JobDetail, type JobEvent } from "./render";
import type { Terminal } from "./terminal";

/**
 * Follows a job's event stream to its end (docs/architecture.md, Events: the link reconnects and resumes by itself),
 * printing the log and answering each checkpoint from the terminal (or automatically), then returns the final job.
 */
export interface FollowContext {
  client: SkillFleetClient;
  term: Terminal;
  autoApprove: boolean;
  stream: boolean;
}

type AnswerResponse = inferRouterInputs<AppRouter>["hitl"]["answer"]["response"];

/** A parsed checkpoint answer is plain data (strings, booleans, arrays, records): a JSON round trip types it. */
const asJson = (value: object): AnswerResponse => toJsonObject(value);

type Item = JobEvent | { type: "token"; text: string; reset?: boolean };
const TERMINAL_EVENTS = new Set(["completed", "failed", "cancelled"]);

function subscribe(ctx: FollowContext, jobId: string): { queue: EventQueue<Item>; stop: () => void } {
  const queue = new EventQueue<Item>();
  let lost = false;
  const subscription = ctx.client.jobs.events.subscribe(
    { jobId },
    {
      onData: (item) => queue.push("id" in item ? item.data : item),
      onError: (error) => queue.fail(error),
      onComplete: () => queue.end(),
      onConnectionStateChange: (state) => {
        if (state.state === "connecting" && state.error && !lost)
          ctx.term.error(`connection lost (${state.error.message}); reconnecting…`);
        if (state.state === "pending" && lost) ctx.term.error("reconnected");
        lost = state.state === "connecting" && (lost || state.error !== null);
      },
    },
  );
  return { queue, stop: () => subscription.unsubscribe() };
}

async function answerFor(ctx: FollowContext, type: CheckpointType, prompt: unknown): Promise<RawAnswer> {
  if (ctx.autoApprove) return autoAnswer(type);
  const answer = await askCheckpoint(ctx.term, type, prompt);
  if (answer === null)
    throw new CliError(
      "no more input: the job is still waiting for an answer (answer it in the web UI, or run with --auto-approve)",
    );
  return answer;
}

/** Asks and sends the answer to a checkpoint, unless it was answered (elsewhere) in the meantime. */
async function handleCheckpoint(ctx: FollowContext, jobId: string, event: JobEvent): Promise<void> {
  const checkpointId = String(event.data.checkpointId ?? "");
  const pending = (await ctx.client.jobs.get.query({ jobId })).pendingCheckpoint;
  if (!pending || pending.id !== checkpointId) return; // answered elsewhere, or replayed from the log
  const answer = await answerFor(ctx, pending.type, pending.prompt);
  const response = CHECKPOINT_SCHEMAS[pending.type].response.safeParse(answer);
  if (!response.success)
    throw new CliError(`answer rejected: ${response.error.issues.map((i) => i.message).join("; ")}`);
  try {
    await ctx.client.hitl.answer.mutate({ jobId, checkpointId, response: asJson(response.data) });
  } catch (error) {
    if (errorCode(error) !== "CONFLICT") throw error;
    ctx.term.print("  (this checkpoint was answered elsewhere first)");
  }
}

function show(ctx: FollowContext, item: Item): void {
  if (item.type === "token") {
    if (!ctx.stream) return;
    // Text already printed cannot be taken back from a terminal log: say it was rejected, then print the new text.
    if (item.reset) ctx.term.print("  (that reply was rejected; the model is writing it again)");
    ctx.term.stream(item.text);
    return;
  }
  const line = eventLine(item);
  if (line) ctx.term.print(line);
}

export async function followJob(ctx: FollowContext, jobId: string): Promise<JobDetail> {
  const { queue, stop } = subscribe(ctx, jobId);
  try {
    for await (const item of queue) {
      show(ctx, item);
      if (item.type === "hitl_required") await handleCheckpoint(ctx, jobId, item);
      if (TERMINAL_EVENTS.has(item.type)) break;
    }
  } finally {
    stop();
  }
  return ctx.client.jobs.get.query({ jobId });
}

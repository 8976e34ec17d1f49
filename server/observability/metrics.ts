import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { processSingleton } from "../common/singleton";

/**
 * The process's Prometheus metrics (docs/operations.md): one registry, every metric defined here, recorded through
 * the small functions below from the existing seams (the job runner and step engine, the event bus and stream, the
 * model step, the tRPC edge). Next.js may load this module more than once per process (route bundles,
 * instrumentation), so the registry is a process singleton: every copy records into the same metrics.
 */
export const METRIC_PREFIX = "skill_fleet_";

/** Seconds: from a fast statement or offline step (ms) to a slow model call (minutes). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

function jobMetrics(registers: Registry[]) {
  return {
    jobs: new Gauge({
      name: `${METRIC_PREFIX}jobs`,
      help: "Jobs in the database by workflow and status (read at each scrape).",
      labelNames: ["workflow", "status"] as const,
      registers,
    }),
    jobsWaiting: new Gauge({
      name: `${METRIC_PREFIX}jobs_waiting`,
      help: "Runnable jobs (pending or running) that no runner holds a live lease on: the queue in the database.",
      labelNames: ["workflow"] as const,
      registers,
    }),
    oldestWaiting: new Gauge({
      name: `${METRIC_PREFIX}jobs_waiting_oldest_seconds`,
      help: "Age of the oldest waiting job (since its last change); 0 when none waits.",
      labelNames: ["workflow"] as const,
      registers,
    }),
    jobRuns: new Histogram({
      name: `${METRIC_PREFIX}job_run_duration_seconds`,
      help: "One run of a job on this server (claim to release) by workflow and outcome.",
      labelNames: ["workflow", "outcome"] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    steps: new Histogram({
      name: `${METRIC_PREFIX}step_duration_seconds`,
      help: "Durable steps run (not replayed) by workflow, step and status.",
      labelNames: ["workflow", "step", "status"] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
  };
}

function runnerMetrics(registers: Registry[], runners: Map<string, () => RunnerLoad>) {
  const total = (pick: (load: RunnerLoad) => number) => [...runners.values()].reduce((sum, r) => sum + pick(r()), 0);
  return {
    queued: new Gauge({
      name: `${METRIC_PREFIX}runner_queued_jobs`,
      help: "Jobs queued on this server's runner, waiting for a free slot.",
      registers,
      collect() {
        this.set(total((load) => load.queued));
      },
    }),
    active: new Gauge({
      name: `${METRIC_PREFIX}runner_active_jobs`,
      help: "Jobs running on this server's runner.",
      registers,
      collect() {
        this.set(total((load) => load.active));
      },
    }),
    slots: new Gauge({
      name: `${METRIC_PREFIX}runner_slots`,
      help: "Jobs this server's runner may run at once (SKILL_FLEET_MAX_CONCURRENT_JOBS).",
      registers,
      collect() {
        this.set(total((load) => load.slots));
      },
    }),
  };
}

function modelMetrics(registers: Registry[]) {
  return {
    modelSteps: new Histogram({
      name: `${METRIC_PREFIX}model_step_duration_seconds`,
      help: "Model steps by model, step and who wrote the output (model, fallback, offline).",
      labelNames: ["model", "step", "source"] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    modelRequests: new Histogram({
      name: `${METRIC_PREFIX}model_request_duration_seconds`,
      help: "HTTP requests to model providers by model and outcome (ok, timeout, rate-limited, …).",
      labelNames: ["model", "outcome"] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    tokens: new Counter({
      name: `${METRIC_PREFIX}model_tokens_total`,
      help: "Tokens reported by the providers, by model and kind (input, output).",
      labelNames: ["model", "kind"] as const,
      registers,
    }),
    cost: new Counter({
      name: `${METRIC_PREFIX}model_cost_usd_total`,
      help: "Estimated cost in USD by model (list prices, server/llm/prices.ts); unpriced models add nothing.",
      labelNames: ["model"] as const,
      registers,
    }),
    fallbacks: new Counter({
      name: `${METRIC_PREFIX}model_fallbacks_total`,
      help: "Model steps whose output the offline engine wrote because the model failed, by step and model.",
      labelNames: ["step", "model"] as const,
      registers,
    }),
  };
}

function liveMetrics(registers: Registry[]) {
  return {
    subscribers: new Gauge({
      name: `${METRIC_PREFIX}event_subscribers`,
      help: "Live job-event subscribers on this server (SSE streams of jobs.events).",
      registers,
    }),
    delivery: new Histogram({
      name: `${METRIC_PREFIX}event_fanout_seconds`,
      help: "From an event's storage to its hand-off to this server's live subscribers (events with subscribers).",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    trpcCalls: new Histogram({
      name: `${METRIC_PREFIX}trpc_request_duration_seconds`,
      help: "tRPC calls by procedure, type and result code (OK or the tRPC error code).",
      labelNames: ["procedure", "type", "code"] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
  };
}

/** What a runner reports at each scrape. */
export interface RunnerLoad {
  queued: number;
  active: number;
  slots: number;
}

function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  const runners = new Map<string, () => RunnerLoad>();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  return {
    registry,
    runners,
    ...jobMetrics(registers),
    ...runnerMetrics(registers, runners),
    ...modelMetrics(registers),
    ...liveMetrics(registers),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

export const metrics = (): Metrics => processSingleton("metrics", createMetrics);

import { describe, expect, it } from "vitest";
import { bodyTooLargeMessage, declaredBodyRefusal, sizeInWords } from "../../../server/http/body-limit";
import { setJobCounts, stepLabel, watchRunner } from "../../../server/observability/job-metrics";
import { recordEventFanout, recordTrpcCall, subscriberOpened } from "../../../server/observability/live-metrics";
import { metrics } from "../../../server/observability/metrics";
import { recordModelStep } from "../../../server/observability/model-metrics";

/** The metrics registry and its recording functions (docs/operations.md), and the body limit's words. */
const MIB = 1024 * 1024;
const text = () => metrics().registry.metrics();

describe("step labels", () => {
  it("keep the phase and the step's name, never rounds, cases or runs", () => {
    expect(stepLabel("understanding#2/requirements")).toBe("understanding/requirements");
    expect(stepLabel("functional#1/case-7/run-2/with")).toBe("functional/with");
    expect(stepLabel("validation#draft/write")).toBe("validation/write");
    expect(stepLabel("setup#1/library")).toBe("setup/library");
    expect(stepLabel("plain")).toBe("plain");
    expect(stepLabel("phase#1/step-12")).toBe("phase/step-N");
  });
});

describe("recording", () => {
  it("counts a model step's duration, requests, tokens, cost and fallback under the model asked", async () => {
    recordModelStep({
      model: "openai:gpt-4.1-mini",
      step: "synthesizePlan",
      source: "fallback",
      seconds: 1.5,
      requests: [{ outcome: "timeout", durationMs: 1200 }],
      tokens: { input: 1000, output: 200 },
      costUsd: 0.00072,
    });
    const out = await text();
    expect(out).toContain(
      'skill_fleet_model_step_duration_seconds_count{model="openai:gpt-4.1-mini",step="synthesizePlan",source="fallback"} 1',
    );
    expect(out).toContain(
      'skill_fleet_model_request_duration_seconds_count{model="openai:gpt-4.1-mini",outcome="timeout"} 1',
    );
    expect(out).toContain('skill_fleet_model_tokens_total{model="openai:gpt-4.1-mini",kind="input"} 1000');
    expect(out).toContain('skill_fleet_model_cost_usd_total{model="openai:gpt-4.1-mini"} 0.00072');
    expect(out).toContain('skill_fleet_model_fallbacks_total{step="synthesizePlan",model="openai:gpt-4.1-mini"} 1');
  });

  it("replaces the job gauges at each scrape: groups that emptied read nothing, not their old value", async () => {
    const row = { workflow: "skill", status: "pending", count: 3, waiting: 3, oldestWaitingSeconds: 12 };
    setJobCounts([row, { ...row, status: "running", count: 1, waiting: 1, oldestWaitingSeconds: 40 }]);
    let out = await text();
    expect(out).toContain('skill_fleet_jobs{workflow="skill",status="pending"} 3');
    expect(out).toContain('skill_fleet_jobs_waiting{workflow="skill"} 4');
    expect(out).toContain('skill_fleet_jobs_waiting_oldest_seconds{workflow="skill"} 40');
    setJobCounts([{ ...row, status: "completed", waiting: 0, oldestWaitingSeconds: 0 }]);
    out = await text();
    expect(out).not.toContain('skill_fleet_jobs{workflow="skill",status="pending"}');
    expect(out).toContain('skill_fleet_jobs_waiting{workflow="skill"} 0');
  });

  it("reads runner queues at scrape time and forgets a stopped runner", async () => {
    const stop = watchRunner("test-runner", () => ({ queued: 5, active: 2, slots: 4 }));
    expect(await text()).toContain("skill_fleet_runner_queued_jobs 5");
    stop();
    expect(await text()).toContain("skill_fleet_runner_queued_jobs 0");
  });

  it("counts subscribers once each, fan-out only for events someone hears, and tRPC calls by code", async () => {
    const close = subscriberOpened();
    expect(await text()).toContain("skill_fleet_event_subscribers 1");
    close();
    close();
    expect(await text()).toContain("skill_fleet_event_subscribers 0");
    recordEventFanout(new Date(Date.now() - 20), 0);
    expect(await text()).toContain("skill_fleet_event_fanout_seconds_count 0");
    recordEventFanout(new Date(Date.now() - 20), 3);
    expect(await text()).toContain("skill_fleet_event_fanout_seconds_count 1");
    recordTrpcCall({ procedure: "jobs.get", type: "query", code: "NOT_FOUND", seconds: 0.01 });
    expect(await text()).toContain(
      'skill_fleet_trpc_request_duration_seconds_count{procedure="jobs.get",type="query",code="NOT_FOUND"} 1',
    );
  });
});

describe("the body limit in words", () => {
  it("states the limit exactly and names its setting", () => {
    expect(sizeInWords(16 * MIB)).toBe("16 MiB");
    expect(sizeInWords(512 * 1024)).toBe("512 KiB");
    expect(sizeInWords(1_000_001)).toBe("1,000,001 bytes");
    expect(bodyTooLargeMessage(16 * MIB)).toBe(
      "Request body too large: the limit is 16 MiB (SKILL_FLEET_MAX_BODY_BYTES).",
    );
  });

  it("refuses a declared length over the limit on every route but tRPC's, which answers in its own shape", () => {
    expect(declaredBodyRefusal("/api/mcp", String(16 * MIB + 1), 16 * MIB)?.status).toBe(413);
    expect(declaredBodyRefusal("/api/mcp", String(16 * MIB), 16 * MIB)).toBeNull();
    expect(declaredBodyRefusal("/api/trpc/skills.validate", String(64 * MIB), 16 * MIB)).toBeNull();
    expect(declaredBodyRefusal("/api/mcp", null, 16 * MIB)).toBeNull();
  });
});

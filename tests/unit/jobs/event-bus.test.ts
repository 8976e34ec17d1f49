import { describe, expect, it } from "vitest";
import { EventBus } from "../../../server/durable/event-bus";
import type { JobEventRecord } from "../../../server/durable/types";

const event = (jobId: string, seq: number): JobEventRecord => ({
  jobId,
  seq,
  type: "progress",
  phase: null,
  message: "",
  data: {},
  createdAt: new Date(),
});

describe("EventBus", () => {
  it("delivers to every listener of the job only, and drops a job's entry with its last listener", () => {
    const bus = new EventBus();
    const a: number[] = [];
    const b: number[] = [];
    const other: number[] = [];
    const offA = bus.subscribe("j1", (e) => a.push("seq" in e ? e.seq : -1));
    const offB = bus.subscribe("j1", (e) => b.push("seq" in e ? e.seq : -1));
    const offOther = bus.subscribe("j2", (e) => other.push("seq" in e ? e.seq : -1));
    bus.publish(event("j1", 1));
    offA();
    bus.publish(event("j1", 2));
    expect(a).toEqual([1]);
    expect(b).toEqual([1, 2]);
    expect(other).toEqual([]);
    offB();
    offOther();
    expect(bus.size).toBe(0);
  });

  it("keeps delivering when a listener throws or unsubscribes during delivery", () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const off = bus.subscribe("j", () => {
      seen.push("first");
      off();
    });
    bus.subscribe("j", () => {
      throw new Error("broken subscriber");
    });
    bus.subscribe("j", () => seen.push("third"));
    bus.publish(event("j", 1));
    bus.publish(event("j", 2));
    expect(seen).toEqual(["first", "third", "third"]);
  });
});

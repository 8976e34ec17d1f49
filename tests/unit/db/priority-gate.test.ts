import { describe, expect, it } from "vitest";
import { inBackground } from "../../../server/common/work-priority";
import { PriorityGate } from "../../../server/db/priority-gate";

/**
 * docs/performance.md, Creation under load: the embedded database's one connection serves requests before
 * background work, and background work still gets its turn.
 */
function holder() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  return { held, release };
}

/** Queues a statement that records its turn. */
function statement(gate: PriorityGate, order: string[], name: string, background: boolean): Promise<void> {
  const work = () => gate.run(async () => void order.push(name));
  return background ? inBackground(work) : work();
}

describe("the embedded database's priority gate", () => {
  it("serves waiting requests before waiting background work, each in arrival order", async () => {
    const gate = new PriorityGate();
    const order: string[] = [];
    const first = holder();
    const busy = gate.run(() => first.held);
    const queued = [
      statement(gate, order, "job 1", true),
      statement(gate, order, "create 1", false),
      statement(gate, order, "job 2", true),
      statement(gate, order, "create 2", false),
    ];
    first.release();
    await Promise.all([busy, ...queued]);
    expect(order).toEqual(["create 1", "create 2", "job 1", "job 2"]);
  });

  it("lets one background statement through after eight request statements in a row", async () => {
    const gate = new PriorityGate();
    const order: string[] = [];
    const first = holder();
    const busy = gate.run(() => first.held);
    const queued = [statement(gate, order, "job", true)];
    for (let i = 1; i <= 12; i++) queued.push(statement(gate, order, `create ${i}`, false));
    first.release();
    await Promise.all([busy, ...queued]);
    expect(order.indexOf("job")).toBe(8);
    expect(order).toHaveLength(13);
  });

  it("runs background work at once when no request is around, and after a burst of requests ends", async () => {
    const gate = new PriorityGate();
    const order: string[] = [];
    await statement(gate, order, "job alone", true);
    await Promise.all(Array.from({ length: 10 }, (_, i) => statement(gate, order, `create ${i}`, false)));
    await Promise.all([statement(gate, order, "job after", true), statement(gate, order, "job after 2", true)]);
    expect(order.at(0)).toBe("job alone");
    expect(order.slice(-2)).toEqual(["job after", "job after 2"]);
  });
});

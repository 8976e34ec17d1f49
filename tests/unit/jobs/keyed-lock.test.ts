import { describe, expect, it } from "vitest";
import { KeyedLock } from "../../../server/common/keyed-lock";
import { sleep } from "../../support/jobs";

describe("KeyedLock", () => {
  it("runs one holder per key at a time, under random interleavings", async () => {
    const lock = new KeyedLock();
    let inside = 0;
    let maxInside = 0;
    let counter = 0;
    await Promise.all(
      Array.from({ length: 200 }, () =>
        lock.run("job", async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          const read = counter;
          await sleep(Math.random() * 2);
          counter = read + 1; // a lost update if two holders overlapped
          inside--;
        }),
      ),
    );
    expect(maxInside).toBe(1);
    expect(counter).toBe(200);
  });

  it("lets different keys proceed in parallel", async () => {
    const lock = new KeyedLock();
    let release!: () => void;
    const held = lock.run("a", () => new Promise<void>((resolve) => (release = resolve)));
    const started = Date.now();
    await lock.run("b", async () => undefined);
    expect(Date.now() - started).toBeLessThan(100);
    expect(lock.isLocked("a")).toBe(true);
    release();
    await held;
  });

  it("forgets a key once nobody holds or awaits it (no growth per job), also after errors", async () => {
    const lock = new KeyedLock();
    await Promise.all(
      Array.from({ length: 500 }, (_, i) => lock.run(`job-${i % 50}`, async () => sleep(Math.random()))),
    );
    await expect(lock.run("x", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(lock.size).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { lazySingleton } from "../../../server/common/singleton";

const tick = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 5));

describe("lazySingleton (docs/architecture.md, guarantee 7)", () => {
  it("initialises once however many callers race for it", async () => {
    let calls = 0;
    const single = lazySingleton(`race-${Math.random()}`, async () => {
      calls++;
      await tick();
      return { id: calls };
    });
    const instances = await Promise.all(
      Array.from({ length: 200 }, async () => {
        await tick();
        return single.get();
      }),
    );
    expect(calls).toBe(1);
    expect(new Set(instances).size).toBe(1);
  });

  it("forgets a failed initialisation so the next caller retries", async () => {
    let calls = 0;
    const single = lazySingleton(`retry-${Math.random()}`, async () => {
      calls++;
      if (calls === 1) throw new Error("boom");
      return "ready";
    });
    await expect(single.get()).rejects.toThrow("boom");
    await expect(single.get()).resolves.toBe("ready");
    expect(calls).toBe(2);
  });

  it("shares the instance across module copies through a global key", async () => {
    const key = `shared-${Math.random()}`;
    const a = lazySingleton(key, async () => ({ from: "a" }));
    const b = lazySingleton(key, async () => ({ from: "b" }));
    expect(await b.get()).toBe(await a.get());
  });

  it("reset hands back the instance and set installs a given one", async () => {
    const single = lazySingleton(`reset-${Math.random()}`, async () => "made");
    await single.get();
    expect(await single.reset()).toBe("made");
    single.set("given");
    expect(await single.get()).toBe("given");
  });
});

import { describe, expect, it } from "vitest";
import { accessModeProblem, isLoopbackHost, isSharedMode } from "../../../server/common/access-mode";
import { parseEnv } from "../../../server/common/env";
import { RateLimiter } from "../../../server/common/rate-limit";
import { hostRefusal, originRefusal, urlRefusal } from "../../../server/http/request-guards";
import { contentSecurityPolicy } from "../../../server/http/security-headers";
import { boundedRequest } from "../../../server/trpc/request-edge";

describe("modes (server/common/access-mode.ts)", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.0.0.1:3000", true],
    ["127.9.8.7", true],
    ["localhost:3000", true],
    ["[::1]:3000", true],
    ["::1", true],
    ["0.0.0.0", false],
    ["192.168.1.10:3000", false],
    ["localhost.attacker.example", false],
    ["127.0.0.1.nip.io", false],
  ])("%s is loopback: %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it("is shared beyond loopback or when SKILL_FLEET_AUTH says so, and refuses a contradiction", () => {
    expect(isSharedMode({})).toBe(false);
    expect(isSharedMode({ HOST: "127.0.0.1" })).toBe(false);
    expect(isSharedMode({ HOST: "0.0.0.0" })).toBe(true);
    expect(isSharedMode({ SKILL_FLEET_AUTH: true })).toBe(true);
    expect(accessModeProblem({ HOST: "0.0.0.0", SKILL_FLEET_AUTH: false })).toMatch(/needs sign-in/);
    expect(() => parseEnv({ HOST: "0.0.0.0" })).toThrow(/SKILL_FLEET_AUTH_SECRET: is required when the app is shared/);
    expect(() => parseEnv({ SKILL_FLEET_AUTH: "true", SKILL_FLEET_AUTH_SECRET: "short" })).toThrow(/at least 32/);
    expect(parseEnv({ HOST: "0.0.0.0", SKILL_FLEET_AUTH_SECRET: "s".repeat(32) }).SKILL_FLEET_MAX_BATCH).toBe(20);
  });
});

describe("request guards (server/http/request-guards.ts)", () => {
  const url = (text: string) => new URL(text);

  it("refuses undecodable paths and queries and NUL in paths; lets normal ones through", () => {
    expect(urlRefusal(url("http://h/api/library/%ff%fe/archive"))?.status).toBe(400);
    expect(urlRefusal(url("http://h/jobs/%00"))?.message).toMatch(/NUL/);
    expect(urlRefusal(url("http://h/api/trpc/jobs.list?input=%E0%A4"))?.message).toMatch(/query string/);
    expect(urlRefusal(url("http://h/api/trpc/jobs.list?input=%EF%BF%BD"))?.message).toMatch(/query string/);
    expect(urlRefusal(url("http://h/library?path=python%2Fasync&q=caf%C3%A9+au+lait"))).toBeNull();
  });

  it("answers only loopback host names in local mode, any in shared mode", () => {
    expect(hostRefusal("127.0.0.1:3000", false)).toBeNull();
    expect(hostRefusal("attacker.example", false)?.status).toBe(403);
    expect(hostRefusal(null, false)?.status).toBe(403);
    expect(hostRefusal("skills.example.com", true)).toBeNull();
  });

  it("refuses mutations from a foreign Origin or a cross-site fetch; reads and non-browser clients pass", () => {
    const request = (method: string, headers: Record<string, string>) => ({
      method,
      url: "http://127.0.0.1:3000/api/trpc/skills.create",
      headers: new Headers({ host: "127.0.0.1:3000", ...headers }),
    });
    expect(originRefusal(request("POST", { origin: "http://127.0.0.1:3000" }), undefined)).toBeNull();
    expect(originRefusal(request("POST", {}), undefined)).toBeNull();
    expect(originRefusal(request("GET", { origin: "https://evil.example" }), undefined)).toBeNull();
    expect(originRefusal(request("POST", { origin: "https://evil.example" }), undefined)?.status).toBe(403);
    expect(originRefusal(request("POST", { origin: "null" }), undefined)?.status).toBe(403);
    expect(originRefusal(request("DELETE", { "sec-fetch-site": "cross-site" }), undefined)?.status).toBe(403);
    const behindProxy = request("POST", { origin: "https://skills.example.com" });
    expect(originRefusal(behindProxy, "https://skills.example.com")).toBeNull();
  });

  it("gives pages a nonce-based CSP that forbids framing", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("n", { development: true })).toContain("'unsafe-eval'");
  });
});

describe("what the tRPC endpoint measures before parsing (server/trpc/request-edge.ts)", () => {
  const limits = { maxBodyBytes: 1_000, maxCalls: 20 };
  const streamOf = (chunks: Uint8Array[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
  const post = (body: BodyInit, path = "skills.create") =>
    new Request(`http://h/api/trpc/${path}`, { method: "POST", body, duplex: "half" } as RequestInit);

  it("stops reading a body at the limit, whatever Content-Length says (none here: a stream)", async () => {
    const { shape } = await boundedRequest(post(streamOf([new Uint8Array(600), new Uint8Array(600)])), limits);
    expect(shape.bodyTooLarge).toEqual({ limit: 1_000 });
    expect((await boundedRequest(post("{}"), limits)).shape.bodyTooLarge).toBeNull();
  });

  it("marks a body that is not UTF-8, and counts the calls of a batch", async () => {
    const { shape } = await boundedRequest(post(new Uint8Array([0x7b, 0xc0, 0xaf, 0x7d])), limits);
    expect(shape.unreadable).toBe("The request body is not valid UTF-8.");
    const batch = await boundedRequest(new Request("http://h/api/trpc/a.b,c.d%2Ce.f?batch=1"), limits);
    expect(batch.shape.calls).toBe(3);
  });
});

describe("per-user rate limits (server/common/rate-limit.ts)", () => {
  it("allows `limit` actions per user in any minute, then refuses with the wait", () => {
    const limiter = new RateLimiter("skill jobs", () => 2);
    limiter.take("a", 0);
    limiter.take("a", 10_000);
    expect(() => limiter.take("a", 20_000)).toThrow(/at most 2 a minute per user; try again in 40 s/);
    limiter.take("b", 20_000);
    limiter.take("a", 60_001);
    expect(() => limiter.take("a", 60_002)).toThrow(/RATE_LIMITED|Too many/);
  });
});

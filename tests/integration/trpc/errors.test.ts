import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { conflict, forbidden, notFound } from "../../../server/common/errors";
import { localAccess } from "../../../server/auth/access";
import type { AppServices } from "../../../server/services";
import { createContext, publicProcedure, router } from "../../../server/trpc/trpc";

/** This router's procedures use no services but the local caller identity: any other use is a test bug. */
const noServices = new Proxy({ access: localAccess } as AppServices, {
  get: (target, name) => {
    if (name === "access") return target.access;
    throw new Error(`the error-mapping router uses no services (asked for ${String(name)})`);
  },
});

/** The tRPC edge: domain errors become typed tRPC errors with the right HTTP status; nothing internal leaks. */
const testRouter = router({
  missing: publicProcedure.input(z.void()).query(() => {
    throw notFound("Job 'x' not found");
  }),
  taken: publicProcedure.input(z.void()).mutation(() => {
    throw conflict("Path already exists");
  }),
  notYours: publicProcedure.input(z.void()).query(() => {
    throw forbidden("User 'a' is not the owner");
  }),
  crash: publicProcedure.input(z.void()).query(() => {
    throw new Error("db password is hunter2 at /srv/app.ts:12");
  }),
  whoami: publicProcedure.input(z.void()).query(({ ctx }) => ctx.userId),
  echo: publicProcedure.input(z.object({ task: z.string().min(10) })).query(({ input }) => input.task),
});

async function call(path: string, init: { method?: string; headers?: Record<string, string>; query?: string } = {}) {
  const url = `http://local/api/trpc/${path}${init.query ? `?input=${encodeURIComponent(init.query)}` : ""}`;
  const post = init.method === "POST";
  const headers = { ...(post ? { "content-type": "application/json" } : {}), ...init.headers };
  const req = new Request(url, { method: init.method ?? "GET", headers, body: post ? "{}" : undefined });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: testRouter,
    createContext: () => createContext(req.headers, noServices),
  });
  return {
    status: res.status,
    body: JSON.parse(await res.text()) as {
      error?: { json: { message: string; data: Record<string, unknown> } };
      result?: { data: { json: unknown } };
    },
  };
}

describe("tRPC error mapping", () => {
  it.each([
    ["missing", "GET", 404, "NOT_FOUND", "Job 'x' not found"],
    ["taken", "POST", 409, "CONFLICT", "Path already exists"],
    ["notYours", "GET", 403, "FORBIDDEN", "User 'a' is not the owner"],
  ])("%s (%s) → HTTP %i %s", async (path, method, status, code, message) => {
    const { status: got, body } = await call(path, { method });
    expect(got).toBe(status);
    expect(body.error?.json.data.code).toBe(code);
    expect(body.error?.json.message).toBe(message);
  });

  it("hides unexpected errors behind a generic message, with no stack", async () => {
    const { status, body } = await call("crash");
    expect(status).toBe(500);
    expect(body.error?.json.message).toBe("Internal server error");
    expect(JSON.stringify(body)).not.toMatch(/hunter2|app\.ts|stack/);
  });

  it("returns zod problems for bad input as BAD_REQUEST: a sentence naming the field, and the fields for forms", async () => {
    const { status, body } = await call("echo", { query: JSON.stringify({ json: { task: "short" } }) });
    expect(status).toBe(400);
    expect(body.error?.json.message).toBe("task: too small: expected string to have >=10 characters.");
    expect(body.error?.json.data.zodError).toMatchObject({ fieldErrors: { task: [expect.stringContaining("10")] } });
  });
});

describe("caller identity", () => {
  it("is `default` without a header, the header when given, or the UI cookie", async () => {
    expect((await call("whoami")).body.result?.data.json).toBe("default");
    expect((await call("whoami", { headers: { "x-user-id": "alice" } })).body.result?.data.json).toBe("alice");
    expect(
      (await call("whoami", { headers: { cookie: "theme=dark; skill-fleet-user=bob" } })).body.result?.data.json,
    ).toBe("bob");
  });

  it("refuses a malformed identity", async () => {
    const { status } = await call("whoami", { headers: { "x-user-id": "bad user\u0001" } });
    expect(status).toBe(400);
  });
});

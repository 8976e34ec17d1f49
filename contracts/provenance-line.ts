import type { Provenance, RequestRecord } from "./provenance";

/**
 * Provenance in words, free of zod: the live step log imports this, not the schemas (the job page's JavaScript
 * budget, docs/performance.md). `asProvenance` is a cheap shape check for what an event carries; the server wrote it
 * from the schema, so a value that does not look like one is shown as nothing, never guessed at.
 */
export function asProvenance(value: unknown): Provenance | null {
  if (typeof value !== "object" || value === null) return null;
  const p = value as Partial<Provenance>;
  const sources = ["model", "fallback", "offline"];
  if (typeof p.source !== "string" || !sources.includes(p.source) || typeof p.engine !== "string") return null;
  return Array.isArray(p.requests) && typeof p.tokens === "object" ? (value as Provenance) : null;
}

/** One line for people: "model openai:gpt-4.1 · 3 requests (2 re-asks)", "fallback (offline engine): …". */
export function provenanceLine(p: Provenance): string {
  const requests = p.requests.length;
  const extra = requestSummary(p.requests);
  const count = requests === 0 ? "" : ` · ${requests} ${requests === 1 ? "request" : "requests"}${extra}`;
  if (p.source === "offline") return "offline engine";
  if (p.source === "model") return `model ${p.engine}${count}${p.strictDropped ? " · without strict schema" : ""}`;
  return `fallback (offline engine) after ${p.engine} failed${count}: ${p.reason ?? "unknown reason"}`;
}

function requestSummary(requests: readonly RequestRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of requests.slice(1)) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  const words: Record<string, [string, string]> = {
    reask: ["re-ask", "re-asks"],
    retry: ["retry", "retries"],
    "larger-budget": ["retry with a larger output budget", "retries with a larger output budget"],
    "without-strict": ["retry without strict schema", "retries without strict schema"],
  };
  const parts = [...counts].map(([kind, n]) => `${n} ${(words[kind] ?? [kind, kind])[n === 1 ? 0 : 1]}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

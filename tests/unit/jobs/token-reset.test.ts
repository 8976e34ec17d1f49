import { describe, expect, it } from "vitest";
import { EventBus } from "../../../server/durable/event-bus";
import { EventLog } from "../../../server/durable/event-log";
import type { EventRepository } from "../../../server/durable/repositories/contracts";
import type { LiveEvent } from "../../../server/durable/types";

/**
 * Streamed text of a step that is asked again (a re-ask, a retry) is void: the buffered text is dropped, and the next
 * token event says `reset` so the page and `create --stream` start the text anew (docs/models.md, Streams restart).
 */
const unusedRepo = {} as EventRepository;

function collect(log: EventLog, jobId: string): LiveEvent[] {
  const seen: LiveEvent[] = [];
  log.bus.subscribe(jobId, (event) => void seen.push(event));
  return seen;
}

describe("token reset", () => {
  it("drops the text still buffered and marks the next token event as a fresh start", () => {
    const log = new EventLog(unusedRepo, new EventBus());
    const seen = collect(log, "job-1");
    log.token("job-1", "rejected ", "Generation");
    log.token("job-1", "text", "Generation");
    log.token("job-1", "", "Generation", true);
    log.token("job-1", "new text", "Generation");
    log.flushTokens("job-1");
    expect(seen).toEqual([expect.objectContaining({ type: "token", text: "new text", reset: true })]);
  });

  it("a reset after text was published arrives as its own event, and plain tokens carry no reset", () => {
    const log = new EventLog(unusedRepo, new EventBus());
    const seen = collect(log, "job-2");
    log.token("job-2", "first try", null);
    log.flushTokens("job-2");
    log.token("job-2", "", null, true);
    log.token("job-2", "second", null);
    log.flushTokens("job-2");
    expect(seen.map((e) => ("text" in e ? [e.text, e.reset ?? false] : []))).toEqual([
      ["first try", false],
      ["second", true],
    ]);
  });
});

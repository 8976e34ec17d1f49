import type { SkillFleetClient } from "../../../cli/client";

/** A live jobs.events subscriber that records the seq of every stored event it receives, in order of arrival. */
export interface Subscriber {
  jobId: string;
  seqs: number[];
  /** Resolves when the server ends the stream (the job finished), or with the error that broke it. */
  ended: Promise<"completed" | Error>;
  stop(): void;
}

export function subscribe(client: SkillFleetClient, jobId: string): Subscriber {
  const seqs: number[] = [];
  let settle: (value: "completed" | Error) => void = () => undefined;
  const ended = new Promise<"completed" | Error>((resolve) => (settle = resolve));
  const subscription = client.jobs.events.subscribe(
    { jobId },
    {
      onData(item) {
        if ("id" in item && "seq" in item.data) seqs.push(item.data.seq);
      },
      onComplete: () => settle("completed"),
      onError: (error) => settle(error instanceof Error ? error : new Error(String(error))),
    },
  );
  return { jobId, seqs, ended, stop: () => subscription.unsubscribe() };
}

/** What a subscriber got wrong against the stored log: a missing, repeated or out-of-order event. */
export async function deliveryProblems(client: SkillFleetClient, subscriber: Subscriber): Promise<string[]> {
  const end = await subscriber.ended;
  if (end !== "completed") return [`${subscriber.jobId}: the stream broke: ${end.message}`];
  const stored = (await client.jobs.timeline.query({ jobId: subscriber.jobId })).events.map((event) => event.seq);
  const got = subscriber.seqs.join(",");
  return got === stored.join(",") ? [] : [`${subscriber.jobId}: received ${got}, stored ${stored.join(",")}`];
}

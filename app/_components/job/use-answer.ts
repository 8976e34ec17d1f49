"use client";

import type { JsonObject } from "@/contracts/json";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../_lib/trpc";

/** Sends an answer to the job's pending checkpoint (matched by its id), then refreshes the job. */
export function useAnswer(jobId: string, checkpointId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(
    trpc.hitl.answer.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.jobs.get.queryKey({ jobId }) }),
    }),
  );
  const send = (response: JsonObject) => mutation.mutate({ jobId, checkpointId, response });
  return { send, pending: mutation.isPending, error: mutation.error?.message ?? null, sent: mutation.isSuccess };
}

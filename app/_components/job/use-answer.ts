"use client";

import type { JsonObject } from "@/contracts/json";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { isUnreachable, sentence, type ApiError } from "../../_lib/api-errors";
import { onRecovery } from "../../_lib/connectivity";
import { useTRPC } from "../../_lib/trpc";
import { useAnsweredHere } from "./answered-here";

/** About three minutes of retries: long enough for a server restart, short enough to give the form back. */
const MAX_RETRIES = 40;
const retryDelay = (attempt: number) => Math.min(1000 * 2 ** attempt, 5_000);

function answerError(error: ApiError | null): string | null {
  if (!error) return null;
  if (isUnreachable(error))
    return "Your answer was not sent: the server cannot be reached. It is still in the form; send it again once the server is back.";
  if (error.data?.code === "CONFLICT") return "This question was already answered, perhaps in another tab.";
  return sentence(error.message);
}

/**
 * Sends an answer to the job's pending checkpoint (matched by its id), then refreshes the job. An answer that got
 * no reply is sent again by itself while the server is away (an identical repeat counts once); the form keeps
 * what was typed until the job moves on.
 */
export function useAnswer(jobId: string, checkpointId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const answeredHere = useAnsweredHere();
  const mutation = useMutation(
    trpc.hitl.answer.mutationOptions({
      retry: (failures, error) => isUnreachable(error) && failures < MAX_RETRIES,
      retryDelay,
      onMutate: () => void answeredHere.add(checkpointId),
      onError: (error) => {
        // Unreachable: it may have landed before the reply was lost. Refused: this page did not answer it.
        if (!isUnreachable(error)) answeredHere.delete(checkpointId);
      },
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.jobs.get.queryKey({ jobId }) }),
    }),
  );
  const { reset, error } = mutation;
  // Back online: an "unreachable" error is stale; the answer is still in the form, ready to send.
  useEffect(() => onRecovery(() => isUnreachable(error) && reset()), [error, reset]);
  const send = (response: JsonObject) => mutation.mutate({ jobId, checkpointId, response });
  return {
    send,
    pending: mutation.isPending,
    retrying: mutation.isPending && mutation.failureCount > 0,
    error: answerError(mutation.error),
  };
}

export type AnswerState = ReturnType<typeof useAnswer>;

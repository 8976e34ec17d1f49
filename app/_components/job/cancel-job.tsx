"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { formError } from "../../_lib/api-errors";
import { useTRPC } from "../../_lib/trpc";
import { ConfirmDialog } from "../confirm-dialog";

/**
 * "Cancel job…" in the job's header, away from the checkpoint's Proceed, and only after a confirmation: a cancelled
 * job stops for good (it can be run again as a new job).
 */
export function CancelJob({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const cancel = useMutation(trpc.jobs.cancel.mutationOptions());
  const [asking, setAsking] = useState(false);
  const error = formError(cancel.error);
  return (
    <>
      <button
        type="button"
        className="danger"
        disabled={cancel.isPending || cancel.isSuccess}
        onClick={() => setAsking(true)}
      >
        {cancel.isSuccess ? "Cancelling…" : "Cancel job…"}
      </button>
      {error && (
        <span className="field-error" role="alert">
          Could not cancel: {error}
        </span>
      )}
      <ConfirmDialog
        open={asking}
        title="Cancel this job?"
        confirmLabel="Yes, cancel the job"
        cancelLabel="Keep it running"
        onClose={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          cancel.mutate({ jobId });
        }}
      >
        <p>It stops now and cannot be resumed. You can run it again later as a new job.</p>
      </ConfirmDialog>
    </>
  );
}

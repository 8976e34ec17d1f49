"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formError } from "../../_lib/api-errors";
import { useTRPC } from "../../_lib/trpc";

/** Promote the draft into the library, with the two explicit choices: overwrite a skill there, force a failed draft. */
export function PromotePanel({ jobId, needsForce }: { jobId: string; needsForce: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [overwrite, setOverwrite] = useState(false);
  const [force, setForce] = useState(false);
  const promote = useMutation(
    trpc.drafts.promote.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.jobs.get.queryKey({ jobId }) }),
    }),
  );
  if (promote.data) {
    return (
      <p className="alert alert-ok" role="status">
        Promoted to <Link href={`/library?path=${encodeURIComponent(promote.data.path)}`}>{promote.data.path}</Link> in
        the library.
      </p>
    );
  }
  return (
    <form
      className="card stack"
      aria-label="Promote to the library"
      onSubmit={(e) => {
        e.preventDefault();
        promote.mutate({ jobId, overwrite, force });
      }}
    >
      <h3>Promote to the library</h3>
      <label className="check">
        <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} />
        <span>
          Overwrite <span className="hint">— replace a skill already at this path</span>
        </span>
      </label>
      {needsForce && (
        <label className="check">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
          <span>
            Promote anyway <span className="hint">— this draft did not pass validation</span>
          </span>
        </label>
      )}
      {promote.error && (
        <p className="alert alert-error" role="alert">
          {formError(promote.error)}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={promote.isPending || (needsForce && !force)}>
          Promote
        </button>
      </div>
    </form>
  );
}

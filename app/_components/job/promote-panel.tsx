"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formError } from "../../_lib/api-errors";
import { useTRPC } from "../../_lib/trpc";
import { conflictChanges, DiffView } from "../diff-view";

/**
 * Promote the draft into the library as the skill's next version. Two explicit choices: add it on top of a skill
 * that changed since the draft started (or already exists), and force a draft that failed validation. A refusal
 * shows what changed in the library meanwhile.
 */
export function PromotePanel({ jobId, needsForce }: { jobId: string; needsForce: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [overwrite, setOverwrite] = useState(false);
  const [force, setForce] = useState(false);
  const promote = useMutation(
    trpc.drafts.promote.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.jobs.get.queryKey({ jobId }) }),
          // The library gained a version: lists, histories and details cached from earlier visits are stale.
          queryClient.invalidateQueries({ queryKey: trpc.library.pathKey() }),
        ]),
    }),
  );
  if (promote.data) {
    return (
      <p className="alert alert-ok" role="status">
        Promoted to <Link href={`/library?path=${encodeURIComponent(promote.data.path)}`}>{promote.data.path}</Link> as
        version {promote.data.version}.
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
          Overwrite <span className="hint">— add it on top of a skill that changed or exists at this path</span>
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
      {promote.error && <DiffView changes={conflictChanges(promote.error) ?? []} empty="" />}
      <div className="row">
        <button type="submit" className="primary" disabled={promote.isPending || (needsForce && !force)}>
          Promote
        </button>
      </div>
    </form>
  );
}

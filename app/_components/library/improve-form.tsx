"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "../../_lib/trpc";

/** Start an improve job on this skill at this version; the job page shows the preview diff and the promotion. */
export function ImproveForm({ path, version }: { path: string; version: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [instructions, setInstructions] = useState("");
  const [preview, setPreview] = useState(true);
  const start = useMutation(
    trpc.improve.start.mutationOptions({ onSuccess: ({ jobId }) => router.push(`/jobs/${jobId}`) }),
  );
  return (
    <form
      className="card stack"
      aria-label="Improve this skill"
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate({
          source: { kind: "library", path, version },
          instructions,
          options: { previewContent: preview, streamTokens: false },
        });
      }}
    >
      <h3>Improve</h3>
      <label htmlFor="improve-instructions">
        Instructions <span className="hint">what should change (one per line)</span>
      </label>
      <textarea
        id="improve-instructions"
        rows={4}
        value={instructions}
        onChange={(e) => setInstructions(e.target.value)}
      />
      <label className="check">
        <input type="checkbox" checked={preview} onChange={(e) => setPreview(e.target.checked)} />
        <span>Preview the changes before validation</span>
      </label>
      {start.error && (
        <p className="alert alert-error" role="alert">
          {start.error.message}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={start.isPending || instructions.trim().length < 3}>
          Improve v{version}
        </button>
      </div>
    </form>
  );
}

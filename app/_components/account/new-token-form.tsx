"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "../../_lib/trpc";

/** Names and creates a token, then shows it once (only its hash is kept). */
export function NewTokenForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const nameId = useId();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.account.createToken.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.account.tokens.queryKey() }),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim()) create.mutate({ name });
  }

  return (
    <form className="card stack" onSubmit={submit} aria-label="New token">
      <div className="field">
        <label htmlFor={nameId}>Token name</label>
        <input id={nameId} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={64} />
        <span className="hint">Say where it will be used, e.g. “laptop CLI”.</span>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={create.isPending || !name.trim()}>
          Create token
        </button>
      </div>
      {create.error && <p className="alert alert-error">{create.error.message}</p>}
      {create.data && (
        <div className="alert alert-ok" role="status">
          <p>Copy this token now; it will not be shown again:</p>
          <code data-testid="new-token">{create.data.token}</code>
        </div>
      )}
    </form>
  );
}

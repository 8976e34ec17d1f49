"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../_lib/trpc";

const when = (date: Date | null) => (date ? date.toLocaleString() : "never");

/** The caller's tokens: name, first characters, created, last used, and Revoke for the active ones. */
export function TokenList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.account.tokens.queryOptions());
  const revoke = useMutation(
    trpc.account.revokeToken.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.account.tokens.queryKey() }),
    }),
  );
  if (tokens.error) return <p className="alert alert-error">{tokens.error.message}</p>;
  if (!tokens.data) return <p aria-busy="true">Loading…</p>;
  if (tokens.data.items.length === 0) return <p className="muted">No tokens yet.</p>;
  return (
    <table className="data" aria-label="API tokens">
      <thead>
        <tr>
          <th>Name</th>
          <th>Token</th>
          <th>Created</th>
          <th>Last used</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {tokens.data.items.map((token) => (
          <tr key={token.id}>
            <td>{token.name}</td>
            <td>
              <code>{token.prefix}…</code>
            </td>
            <td>{when(token.createdAt)}</td>
            <td>{when(token.lastUsedAt)}</td>
            <td>
              {token.revokedAt ? (
                <span className="muted">revoked</span>
              ) : (
                <button type="button" className="danger" onClick={() => revoke.mutate({ id: token.id })}>
                  Revoke {token.name}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import type { RouterInputs } from "../../_lib/router-types";
import { statusLabel } from "../../_lib/status-labels";
import { useTRPC } from "../../_lib/trpc";
import { JobTable } from "./job-table";

type Status = NonNullable<RouterInputs["jobs"]["list"]["status"]>;
const STATUSES: Status[] = [
  "pending",
  "running",
  "pending_user_input",
  "pending_hitl",
  "pending_review",
  "completed",
  "failed",
  "cancelled",
];
const PAGE_SIZE = 20;
const LIVE = new Set(["pending", "running"]);

function isStatus(value: string | null): value is Status {
  return value !== null && (STATUSES as string[]).includes(value);
}

/** Filter, search and cursor pagination, all held in the URL so a reload (or a shared link) shows the same page. */
function useHistoryParams() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const status = params.get("status");
  const trail = (params.get("cursors") ?? "").split(",").filter(Boolean);
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    router.replace(`${pathname}?${next.toString()}`);
  };
  return { status: isStatus(status) ? status : undefined, q: params.get("q") ?? "", trail, update };
}

function Filters({
  q,
  status,
  update,
}: {
  q: string;
  status: Status | undefined;
  update: (changes: Record<string, string | null>) => void;
}) {
  const [search, setSearch] = useState(q);
  return (
    <form
      className="row"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        update({ q: search.trim() || null, cursors: null });
      }}
    >
      <input
        type="search"
        aria-label="Search tasks"
        placeholder="Search the task text"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: "24rem" }}
      />
      <button type="submit">Search</button>
      <label className="row" style={{ fontWeight: "normal" }}>
        Status
        <select
          value={status ?? ""}
          onChange={(e) => update({ status: e.target.value || null, cursors: null })}
          style={{ width: "auto" }}
        >
          <option value="">all</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}

function EmptyState({ filtered }: { filtered: boolean }) {
  return <p className="muted">{filtered ? "No jobs match." : "No jobs yet. Create one from the Create page."}</p>;
}

/** Job history: filter by status, search the task text, newest first, paginated with the state in the URL. */
export function JobHistory() {
  const trpc = useTRPC();
  const { status, q, trail, update } = useHistoryParams();
  const input = { status, q: q || undefined, cursor: trail.at(-1), limit: PAGE_SIZE };
  const list = useQuery({
    ...trpc.jobs.list.queryOptions(input),
    // Running jobs change under our eyes: poll while any row on the page is still live.
    refetchInterval: (query) => (query.state.data?.items.some((j) => LIVE.has(j.status)) ? 2_000 : false),
  });
  return (
    <div className="stack">
      <Filters q={q} status={status} update={update} />
      {list.isError && (
        <p className="alert alert-error" role="alert">
          Could not load jobs: {list.error.message}
        </p>
      )}
      {list.data?.items.length === 0 && <EmptyState filtered={Boolean(q || status)} />}
      {list.data && list.data.items.length > 0 && <JobTable items={list.data.items} />}
      <div className="row">
        <button
          type="button"
          disabled={trail.length === 0}
          onClick={() => update({ cursors: trail.slice(0, -1).join(",") || null })}
        >
          ← Newer
        </button>
        <span className="muted">Page {trail.length + 1}</span>
        <button
          type="button"
          disabled={!list.data?.nextCursor}
          onClick={() => update({ cursors: [...trail, list.data?.nextCursor ?? ""].join(",") })}
        >
          Older →
        </button>
      </div>
    </div>
  );
}

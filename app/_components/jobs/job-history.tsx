"use client";

import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { formError, type ApiError } from "../../_lib/api-errors";
import type { RouterInputs, RouterOutputs } from "../../_lib/router-types";
import { statusLabel } from "../../_lib/status-labels";
import { useTRPC } from "../../_lib/trpc";
import { JobTable } from "./job-table";

type Status = NonNullable<RouterInputs["jobs"]["list"]["status"]>;
type List = RouterOutputs["jobs"]["list"];
type Counts = List["counts"];
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

/**
 * Filter, search and cursor pagination, all held in the URL: every change is a history entry, so back and
 * forward walk through them, and a reload (or a shared link) shows the same page.
 */
function useHistoryParams() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const status = params.get("status");
  const trail = (params.get("cursors") ?? "").split(",").filter(Boolean);
  const href = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  const go = (changes: Record<string, string | null>) => router.push(href(changes));
  return { status: isStatus(status) ? status : undefined, q: params.get("q") ?? "", trail, href, go };
}

function SearchForm({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const [search, setSearch] = useState(q);
  return (
    <form
      className="row"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(search.trim());
      }}
    >
      <input
        type="search"
        aria-label="Search jobs"
        placeholder="Words from the task, the skill's name or description"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        className="search-input"
      />
      <button type="submit">Search</button>
    </form>
  );
}

/** One link per status with its count for the current search; the active filter is marked for screen readers. */
function StatusFilter(props: {
  counts: Counts | undefined;
  status: Status | undefined;
  href: (s: Status | null) => string;
}) {
  const total = props.counts ? Object.values(props.counts).reduce((sum, n) => sum + n, 0) : null;
  const shown = STATUSES.filter((s) => (props.counts?.[s] ?? 0) > 0 || s === props.status);
  const link = (s: Status | null, label: string, count: number | null) => (
    <li key={s ?? "all"}>
      <Link href={props.href(s)} aria-current={props.status === (s ?? undefined) ? "page" : undefined} className="chip">
        {label} <span className="chip-count">{count ?? "…"}</span>
      </Link>
    </li>
  );
  return (
    <nav aria-label="Filter by status">
      <ul className="chips" data-testid="status-counts">
        {link(null, "All", total)}
        {shown.map((s) => link(s, statusLabel(s), props.counts?.[s] ?? 0))}
      </ul>
    </nav>
  );
}

function Pager({ trail, next, href }: { trail: string[]; next: string | null; href: (c: string | null) => string }) {
  return (
    <nav className="row" aria-label="Pages">
      {trail.length > 0 ? (
        <Link href={href(trail.slice(0, -1).join(",") || null)}>← Newer</Link>
      ) : (
        <span className="muted">← Newer</span>
      )}
      <span className="muted">Page {trail.length + 1}</span>
      {next ? <Link href={href([...trail, next].join(","))}>Older →</Link> : <span className="muted">Older →</span>}
    </nav>
  );
}

function Results({ list, filtered }: { list: UseQueryResult<List, ApiError>; filtered: boolean }) {
  if (!list.data)
    return list.isError ? (
      <p className="alert alert-error" role="alert">
        Could not load jobs: {formError(list.error)}
      </p>
    ) : (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  if (list.data.items.length === 0)
    return <p className="muted">{filtered ? "No jobs match." : "No jobs yet. Create one from the Create page."}</p>;
  return <JobTable items={list.data.items} />;
}

/** Job history: full-text search, counts per status, newest first, paginated; the state lives in the URL. */
export function JobHistory() {
  const trpc = useTRPC();
  const { status, q, trail, href, go } = useHistoryParams();
  const input = { status, q: q || undefined, cursor: trail.at(-1), limit: PAGE_SIZE };
  const list = useQuery({
    ...trpc.jobs.list.queryOptions(input),
    // Running jobs change under our eyes: poll while any row on the page is still live.
    refetchInterval: (query) => (query.state.data?.items.some((j) => LIVE.has(j.status)) ? 2_000 : false),
  });
  return (
    <div className="stack">
      <SearchForm key={q} q={q} onSearch={(next) => go({ q: next || null, cursors: null })} />
      <StatusFilter counts={list.data?.counts} status={status} href={(s) => href({ status: s, cursors: null })} />
      <Results list={list} filtered={Boolean(q || status)} />
      <Pager trail={trail} next={list.data?.nextCursor ?? null} href={(cursors) => href({ cursors })} />
    </div>
  );
}

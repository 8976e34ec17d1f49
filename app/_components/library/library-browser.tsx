"use client";

import { queryState } from "../query-state";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "../../_lib/trpc";
import { ImportForm } from "./import-form";
import { SkillDetail } from "./skill-detail";
import { SkillList } from "./skill-list";
import { XmlExport } from "./xml-export";

type Filters = ReturnType<typeof useUrlFilters>;

/** Search and filters live in the URL, so a filtered view can be shared and survives a reload. */
function useUrlFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next.toString()}`);
  };
  const get = (key: string) => params.get(key) ?? "";
  return { get, set };
}

function FilterControls({ filters, categories, tags }: { filters: Filters; categories: string[]; tags: string[] }) {
  const [q, setQ] = useState(filters.get("q"));
  return (
    <>
      <input
        type="search"
        aria-label="Search skills"
        placeholder="Search name, description, tags"
        value={q}
        onChange={(e) => (setQ(e.target.value), filters.set("q", e.target.value))}
      />
      <div className="row">
        <select
          aria-label="Category"
          value={filters.get("category")}
          onChange={(e) => filters.set("category", e.target.value)}
        >
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <select aria-label="Tag" value={filters.get("tag")} onChange={(e) => filters.set("tag", e.target.value)}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.get("deleted") === "1"}
          onChange={(e) => filters.set("deleted", e.target.checked ? "1" : "")}
        />
        <span>Deleted skills</span>
      </label>
    </>
  );
}

function SkillsPanel({ filters }: { filters: Filters }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deleted = filters.get("deleted") === "1";
  const q = filters.get("q") || undefined;
  const input = { q, category: filters.get("category") || undefined, tag: filters.get("tag") || undefined, deleted };
  const list = useQuery(trpc.library.list.queryOptions(input));
  const undelete = useMutation(
    trpc.library.undelete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.library.pathKey() }),
    }),
  );
  const waiting = queryState(list);
  if (waiting || !list.data) return waiting;
  return (
    <>
      <FilterControls filters={filters} categories={list.data.categories} tags={list.data.tags} />
      {list.data.items.length === 0 && <p className="muted">{q ? `No skill matches “${q}”.` : "No skills here."}</p>}
      <SkillList
        items={list.data.items}
        selected={filters.get("path") || null}
        onUndelete={deleted ? (path) => undelete.mutate({ path }) : undefined}
      />
    </>
  );
}

/** The list (search, category, tag, deleted) on the left, the selected skill on the right. */
export function LibraryBrowser() {
  const filters = useUrlFilters();
  const selected = filters.get("path");
  return (
    <div className="grid-2" style={{ gridTemplateColumns: "minmax(0, 1.2fr) minmax(0, 2.5fr)" }}>
      <aside className="stack">
        <SkillsPanel filters={filters} />
        <ImportForm />
        <XmlExport />
      </aside>
      <div>
        {selected ? (
          <SkillDetail path={selected} />
        ) : (
          <p className="muted">Choose a skill to see its versions, findings and files.</p>
        )}
      </div>
    </div>
  );
}

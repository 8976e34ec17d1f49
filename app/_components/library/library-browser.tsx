"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "../../_lib/trpc";
import { SkillDetail } from "./skill-detail";
import { SkillTree } from "./skill-tree";
import { XmlExport } from "./xml-export";

function SearchResults({ q }: { q: string }) {
  const trpc = useTRPC();
  const results = useQuery(trpc.library.search.queryOptions({ q }));
  if (!results.data)
    return (
      <p className="muted" aria-busy="true">
        Searching…
      </p>
    );
  if (results.data.items.length === 0) return <p className="muted">No skill matches “{q}”.</p>;
  return (
    <ul aria-label="Search results">
      {results.data.items.map((item) => (
        <li key={item.path}>
          <Link href={`/library?path=${encodeURIComponent(item.path)}&q=${encodeURIComponent(q)}`}>{item.name}</Link>{" "}
          <span className="muted">— {item.description}</span>
        </li>
      ))}
    </ul>
  );
}

/** Tree + search on the left, the selected skill on the right; selection and query live in the URL. */
export function LibraryBrowser() {
  const trpc = useTRPC();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const selected = params.get("path");
  const q = params.get("q") ?? "";
  const [draft, setDraft] = useState(q);
  const tree = useQuery(trpc.library.tree.queryOptions());

  function search(value: string) {
    setDraft(value);
    const next = new URLSearchParams(params);
    if (value) next.set("q", value);
    else next.delete("q");
    router.replace(`${pathname}?${next.toString()}`);
  }

  return (
    <div className="grid-2" style={{ gridTemplateColumns: "minmax(0, 1fr) minmax(0, 2.5fr)" }}>
      <aside className="stack">
        <input
          type="search"
          aria-label="Search skills"
          placeholder="Search name, description, tags"
          value={draft}
          onChange={(e) => search(e.target.value)}
        />
        {q ? (
          <SearchResults q={q} />
        ) : tree.data ? (
          <SkillTree nodes={tree.data.nodes} selected={selected} />
        ) : (
          <p className="muted" aria-busy="true">
            Loading…
          </p>
        )}
        {tree.isError && (
          <p className="alert alert-error" role="alert">
            {tree.error.message}
          </p>
        )}
        <XmlExport />
      </aside>
      <div>
        {selected ? (
          <SkillDetail path={selected} />
        ) : (
          <p className="muted">Choose a skill to see its SKILL.md, files and validation.</p>
        )}
      </div>
    </div>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../_lib/trpc";

/** The `<available_skills>` XML an agent's system prompt takes, shown on demand and downloadable. */
export function XmlExport() {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const xml = useQuery({ ...trpc.library.xml.queryOptions(), enabled: open });
  const href = xml.data ? `data:application/xml;charset=utf-8,${encodeURIComponent(xml.data.xml)}` : undefined;
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Export &lt;available_skills&gt; XML</summary>
      {xml.data ? (
        <div className="stack">
          <pre tabIndex={0} style={{ maxHeight: "20rem", overflow: "auto" }} data-testid="skills-xml">
            <code>{xml.data.xml}</code>
          </pre>
          <a className="button" href={href} download="available_skills.xml">
            Download XML
          </a>
        </div>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </details>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../_lib/trpc";
import { MarkdownView, SkillMdView } from "../markdown-view";

function FileView({ path, content, binary, size }: { path: string; content: string; binary: boolean; size: number }) {
  if (binary) return <p className="muted">Binary file, {size} bytes (kept byte for byte; download the .zip).</p>;
  if (path === "SKILL.md") return <SkillMdView content={content} />;
  if (path.endsWith(".md")) return <MarkdownView content={content} />;
  return (
    <pre tabIndex={0} style={{ overflowX: "auto" }}>
      <code>{content}</code>
    </pre>
  );
}

/** The draft's files as a list (folders shown in the path) with the chosen file shown beside it. */
export function DraftFiles({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const draft = useQuery(trpc.drafts.get.queryOptions({ jobId }));
  const [selected, setSelected] = useState("SKILL.md");
  if (draft.isError) return <p className="muted">{draft.error.message}</p>;
  if (!draft.data)
    return (
      <p className="muted" aria-busy="true">
        Loading the draft…
      </p>
    );
  if (draft.data.promoted)
    return (
      <p className="muted">
        This skill is in the library at <code>{draft.data.skillPath}</code>.
      </p>
    );
  const file = draft.data.files.find((f) => f.path === selected) ?? draft.data.files[0];
  return (
    <div className="files-grid">
      <nav aria-label="Draft files">
        <p className="hint">
          <code>{draft.data.skillPath}/</code>
        </p>
        <ul className="file-list">
          {draft.data.files.map((f) => (
            <li key={f.path}>
              <button
                type="button"
                className="link-button"
                aria-current={f.path === file?.path ? "true" : undefined}
                onClick={() => setSelected(f.path)}
              >
                {f.path}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="card" data-testid="draft-file">
        {file && <FileView {...file} />}
      </div>
    </div>
  );
}

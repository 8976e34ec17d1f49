"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../_lib/trpc";
import { SkillMdView } from "../markdown-view";
import { ValidationReportView } from "../validation-report";

/** One library skill: description, tags, files, download, rendered SKILL.md and its validation report. */
export function SkillDetail({ path }: { path: string }) {
  const trpc = useTRPC();
  const skill = useQuery(trpc.library.get.queryOptions({ path }));

  if (skill.isError)
    return (
      <p className="alert alert-error" role="alert">
        {skill.error.message}
      </p>
    );
  if (!skill.data)
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  const { name, description, tags, files } = skill.data;
  return (
    <article className="stack" aria-labelledby="skill-title">
      <div className="row">
        <h2 id="skill-title" style={{ margin: 0 }}>
          {name}
        </h2>
        <span className="spacer" />
        <a
          className="button"
          href={`/api/library/${path.split("/").map(encodeURIComponent).join("/")}/archive`}
          download
        >
          Download .zip
        </a>
      </div>
      <p>{description}</p>
      <p className="muted">
        {path}
        {tags.length > 0 && (
          <>
            {" "}
            ·{" "}
            {tags.map((t) => (
              <span key={t} className="badge" style={{ marginRight: 4 }}>
                {t}
              </span>
            ))}
          </>
        )}
      </p>
      <details>
        <summary>
          {files.length} file{files.length === 1 ? "" : "s"}
        </summary>
        <ul>
          {files.map((f) => (
            <li key={f}>
              <code>{f}</code>
            </li>
          ))}
        </ul>
      </details>
      <div className="card">
        <SkillMdView content={skill.data.content} highlight />
      </div>
      <h3>Validation</h3>
      <ValidationReportView report={skill.data.validation} />
    </article>
  );
}

"use client";

import { queryState } from "../query-state";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { RouterOutputs } from "../../_lib/router-types";
import { useTRPC } from "../../_lib/trpc";
import { SkillMdView } from "../markdown-view";
import { RiskyDownload } from "../risky-download";
import { RiskBadge } from "../security-report";
import { ValidationReportView } from "../validation-report";
import { ImproveForm } from "./improve-form";
import { LibraryEvalStart } from "../evals/library-eval-start";
import { LatestEval } from "../evals/latest-eval";
import { InstallCommands } from "./install-commands";
import { VersionHistory } from "./version-history";

type Detail = RouterOutputs["library"]["get"];

const archiveHref = (path: string, version: number) =>
  `/api/library/${path.split("/").map(encodeURIComponent).join("/")}/archive?version=${version}`;

function Header({ skill, onDelete }: { skill: Detail; onDelete: () => void }) {
  const number = skill.version.number ?? skill.headVersion;
  return (
    <div className="row">
      <h2 id="skill-title" style={{ margin: 0 }}>
        {skill.name}
      </h2>
      <span className="badge">v{number}</span>
      {skill.validation.security && (
        <RiskBadge risk={skill.validation.security.risk} analysed={skill.validation.security.analysed} />
      )}
      <span className="spacer" />
      <Link className="button" href={`/library/edit?path=${encodeURIComponent(skill.path)}`}>
        Edit
      </Link>
      <RiskyDownload href={archiveHref(skill.path, number)} security={skill.validation.security} />
      <button type="button" onClick={onDelete}>
        Delete
      </button>
    </div>
  );
}

/** One library skill: origin, versions (diff, restore), findings and scores, files, download, edit, improve, delete. */
export function SkillDetail({ path }: { path: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const skill = useQuery(trpc.library.get.queryOptions({ path }));
  const remove = useMutation(
    trpc.library.delete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.library.pathKey() }),
    }),
  );
  const waiting = queryState(skill);
  if (waiting || !skill.data) return waiting;
  const { version, tags, files } = skill.data;
  return (
    <article className="stack" aria-labelledby="skill-title">
      <Header skill={skill.data} onDelete={() => remove.mutate({ path })} />
      <p>{skill.data.description}</p>
      <p className="muted" data-testid="skill-origin">
        {path} · v{version.number} {version.origin} by {version.authorId},{" "}
        {version.createdAt.toISOString().slice(0, 10)}
        {tags.map((t) => (
          <span key={t} className="badge" style={{ marginLeft: 4 }}>
            {t}
          </span>
        ))}
      </p>
      <InstallCommands path={path} />
      <LatestEval path={path} />
      <VersionHistory path={path} head={skill.data.headVersion} />
      <ImproveForm path={path} version={skill.data.headVersion} />
      <LibraryEvalStart key={skill.data.headVersion} path={path} head={skill.data.headVersion} />
      <details>
        <summary>
          {files.length} file{files.length === 1 ? "" : "s"}
        </summary>
        <ul>
          {files.map((f) => (
            <li key={f.path}>
              <code>{f.path}</code>{" "}
              <span className="hint">{f.binary ? `binary, ${f.size} bytes` : `${f.size} bytes`}</span>
            </li>
          ))}
        </ul>
      </details>
      <h3>Findings and scores</h3>
      <ValidationReportView report={skill.data.validation} />
      <div className="card">
        <SkillMdView content={skill.data.content} highlight />
      </div>
    </article>
  );
}

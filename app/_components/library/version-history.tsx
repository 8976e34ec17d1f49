"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { RouterOutputs } from "../../_lib/router-types";
import { useTRPC } from "../../_lib/trpc";
import { conflictChanges, DiffView } from "../diff-view";
import { RelativeTime } from "../relative-time";
import { RiskBadge } from "../security-report";

type Version = RouterOutputs["library"]["versions"]["items"][number];

interface RowProps {
  version: Version;
  previous: Version | undefined;
  head: number;
  onRestore: (number: number) => void;
  onShowDiff: () => void;
  pending: boolean;
}

function VersionRow(props: RowProps) {
  const { version } = props;
  return (
    <tr>
      <td data-label="Version">v{version.number}</td>
      <td data-label="Origin">
        {version.origin}
        {version.jobId && <span className="hint"> (job)</span>}
      </td>
      <td data-label="Author">{version.authorId}</td>
      <td data-label="Date">
        <RelativeTime date={version.createdAt} />
      </td>
      <td data-label="Score">{version.score === null ? "—" : version.score.toFixed(2)}</td>
      <td data-label="Security">
        <RiskBadge risk={version.security.risk} analysed={version.security.analysed} compact />
        <RiskRaised version={version} previous={props.previous} onShowDiff={props.onShowDiff} />
      </td>
      <td data-label="Message">{version.message}</td>
      <td>
        {version.number !== props.head && (
          <button type="button" disabled={props.pending} onClick={() => props.onRestore(version.number ?? 0)}>
            Restore v{version.number}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Under a version that raised the risk: from what to what, the findings it brought, a link to its diff. */
function RiskRaised(props: { version: Version; previous: Version | undefined; onShowDiff: () => void }) {
  const raised = props.version.riskRaised;
  if (!raised) return null;
  return (
    <div data-testid="risk-raised">
      <p className="alert alert-warn" role="note">
        v{props.version.number}: risk raised from {raised.from} to {raised.to}.{" "}
        {props.previous && (
          <button type="button" className="link-button" onClick={props.onShowDiff}>
            Show the diff v{props.previous.number} → v{props.version.number}
          </button>
        )}
      </p>
      <ul className="findings">
        {raised.newFindings.map((f, i) => (
          <li key={`${f.ruleId}-${i}`} data-rule-id={f.ruleId}>
            <span className="status">{f.severity}</span> {f.message}{" "}
            <span className="rule-id">{`${f.ruleId} · ${f.line ? `${f.path}:${f.line}` : f.path}`}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface Compare {
  from: string;
  to: string;
  setFrom: (id: string) => void;
  setTo: (id: string) => void;
}

/** A diff between any two versions (the two newest by default); a risk-raised row sets both ends. */
function ComparePanel({ items, compare }: { items: Version[]; compare: Compare }) {
  const trpc = useTRPC();
  const { from, to, setFrom, setTo } = compare;
  const fromId = from || items[1]?.id || "";
  const toId = to || items[0]?.id || "";
  const diff = useQuery({ ...trpc.library.diff.queryOptions({ from: fromId, to: toId }), enabled: !!fromId && !!toId });
  const pick = (label: string, value: string, set: (id: string) => void) => (
    <select aria-label={label} value={value} onChange={(e) => set(e.target.value)}>
      {items.map((v) => (
        <option key={v.id} value={v.id}>
          v{v.number}
        </option>
      ))}
    </select>
  );
  return (
    <div className="stack" id="version-compare">
      <div className="row">
        <span>Compare</span> {pick("Compare from", fromId, setFrom)} <span>with</span> {pick("Compare to", toId, setTo)}
      </div>
      {diff.data && <DiffView changes={diff.data.changes} />}
    </div>
  );
}

/** Every version (newest first) with restore, and a diff between any two of them. */
export function VersionHistory({ path, head }: { path: string; head: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.library.versions.queryOptions({ path }));
  const items = versions.data?.items ?? [];
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const showDiff = (older: Version | undefined, newer: Version) => {
    setFrom(older?.id ?? "");
    setTo(newer.id);
    document.getElementById("version-compare")?.scrollIntoView({ behavior: "smooth", block: "start" });
  };
  const restore = useMutation(
    trpc.library.restore.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.library.pathKey() }),
    }),
  );
  return (
    <section className="stack" aria-labelledby="versions-title">
      <h3 id="versions-title">Versions</h3>
      {/* Eight columns do not fit a tablet: the table scrolls in its own box instead of widening the page. */}
      <div className="table-scroll">
        <table className="data cards-on-mobile" aria-label="Version history">
          <thead>
            <tr>
              <th>Version</th>
              <th>Origin</th>
              <th>Author</th>
              <th>Date</th>
              <th>Score</th>
              <th>Security</th>
              <th>Message</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((version, i) => (
              <VersionRow
                key={version.id}
                version={version}
                previous={items[i + 1]}
                head={head}
                pending={restore.isPending}
                onRestore={(number) => restore.mutate({ path, version: number, baseVersion: head })}
                onShowDiff={() => showDiff(items[i + 1], version)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {restore.error && (
        <p className="alert alert-error" role="alert">
          {restore.error.message}
        </p>
      )}
      {restore.error && <DiffView changes={conflictChanges(restore.error) ?? []} empty="" />}
      {items.length > 1 && <ComparePanel items={items} compare={{ from, to, setFrom, setTo }} />}
    </section>
  );
}

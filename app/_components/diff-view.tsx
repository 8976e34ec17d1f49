"use client";

import { diffLines, type ChangeObject } from "diff";
import type { FileChange } from "@/server/skills/library/diff";

/**
 * Unified diffs as text (never rendered as markdown): one block per changed file, lines coloured by kind. Used by
 * the version history, the save conflict and the improve preview.
 */
export type FileChangeView = FileChange;

function lineClass(line: string): string | undefined {
  if (line.startsWith("+++") || line.startsWith("---")) return "diff-file";
  if (line.startsWith("+")) return "diff-add";
  if (line.startsWith("-")) return "diff-del";
  if (line.startsWith("@@")) return "diff-hunk";
  return undefined;
}

/** One unified patch, line by line (headers of `diff`'s output above the first "---" are dropped). */
export function PatchView({ patch, label }: { patch: string; label: string }) {
  const lines = patch.split("\n");
  const start = Math.max(
    0,
    lines.findIndex((line) => line.startsWith("---")),
  );
  return (
    <pre className="diff" tabIndex={0} aria-label={label}>
      <code>
        {lines.slice(start).map((line, index) => (
          <span key={index} className={lineClass(line)}>
            {line}
            {"\n"}
          </span>
        ))}
      </code>
    </pre>
  );
}

export function DiffView({ changes, empty = "No differences." }: { changes: FileChangeView[]; empty?: string }) {
  if (changes.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <div className="stack" data-testid="diff">
      {changes.map((change) => (
        <details key={change.path} open={!change.binary}>
          <summary>
            <code>{change.path}</code> <span className="badge">{change.status}</span>{" "}
            {change.binary ? (
              <span className="hint">
                binary, {change.beforeSize ?? 0} → {change.afterSize ?? 0} bytes
              </span>
            ) : (
              <span className="hint">
                +{change.additions} −{change.deletions}
              </span>
            )}
          </summary>
          {!change.binary && <PatchView patch={change.patch} label={`Changes to ${change.path}`} />}
        </details>
      ))}
    </div>
  );
}

/** The changes a CONFLICT carries (`data.details.changes`), when the error has them. */
export function conflictChanges(error: unknown): FileChangeView[] | null {
  const data = (error as { data?: { code?: string; details?: { changes?: unknown } | null } } | null)?.data;
  if (data?.code !== "CONFLICT" || !Array.isArray(data.details?.changes)) return null;
  return data.details.changes as FileChangeView[];
}

/** Unchanged stretches longer than this fold to their first and last lines. */
const CONTEXT = 2;

type Line = { kind: "same" | "added" | "removed"; text: string } | { kind: "fold"; count: number };

function linesOf(part: ChangeObject<string>): string[] {
  const lines = part.value.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

function toLines(parts: ChangeObject<string>[]): Line[] {
  return parts.flatMap((part): Line[] => {
    const lines = linesOf(part);
    if (part.added || part.removed)
      return lines.map((text) => ({ kind: part.added ? "added" : "removed", text }) as const);
    if (lines.length <= CONTEXT * 2 + 1) return lines.map((text) => ({ kind: "same", text }) as const);
    return [
      ...lines.slice(0, CONTEXT).map((text) => ({ kind: "same", text }) as const),
      { kind: "fold", count: lines.length - CONTEXT * 2 },
      ...lines.slice(-CONTEXT).map((text) => ({ kind: "same", text }) as const),
    ];
  });
}

function DiffLine({ line }: { line: Line }) {
  if (line.kind === "fold") return <span className="diff-fold">⋯ {line.count} unchanged lines</span>;
  if (line.kind === "same") return <span className="diff-same">{`  ${line.text}`}</span>;
  const Tag = line.kind === "added" ? "ins" : "del";
  return (
    <Tag className={`diff-${line.kind}`}>
      <span aria-hidden="true">{line.kind === "added" ? "+ " : "− "}</span>
      <span className="visually-hidden">{line.kind === "added" ? "Added: " : "Removed: "}</span>
      {line.text}
    </Tag>
  );
}

/**
 * What changed between two versions of a text, line by line (the `diff` library): added and removed lines marked in
 * colour, with a sign and words for screen readers; long unchanged stretches fold away.
 */
export function TextDiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const parts = diffLines(before, after);
  const count = (pick: (part: ChangeObject<string>) => boolean | undefined) =>
    parts.filter(pick).reduce((sum, part) => sum + linesOf(part).length, 0);
  const added = count((part) => part.added);
  const removed = count((part) => part.removed);
  if (added + removed === 0) return <p className="muted">No changes.</p>;
  return (
    <div className="stack" data-testid="diff">
      <p className="hint">
        <span className="diff-added-count">{added} lines added</span>,{" "}
        <span className="diff-removed-count">{removed} removed</span>
      </p>
      <pre className="diff" tabIndex={0} aria-label={label}>
        {toLines(parts).map((line, i) => (
          <DiffLine key={i} line={line} />
        ))}
      </pre>
    </div>
  );
}

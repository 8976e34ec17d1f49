"use client";

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

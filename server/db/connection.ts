import path from "node:path";

/** Where the database lives, decided once from DATABASE_URL (docs/architecture.md, Storage). */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null } // null = in memory (tests)
  | { kind: "postgres"; url: string };

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  const location = url.replace(/^pglite:(\/\/)?/, "");
  if (location === "memory" || location === "memory://") return { kind: "pglite", dataDir: null };
  return { kind: "pglite", dataDir: path.resolve(location) };
}

/** What `system.info` shows: the kind of database, without credentials. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "postgres") {
    const parsed = new URL(target.url);
    return `postgresql (${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname})`;
  }
  if (target.dataDir === null) return "pglite (in memory)";
  // Shown to clients: a folder inside the app's own is named, anything else is not (docs/security.md).
  const relative = path.relative(process.cwd(), target.dataDir) || ".";
  return relative.startsWith("..") || path.isAbsolute(relative) ? "pglite (on disk)" : `pglite (${relative})`;
}

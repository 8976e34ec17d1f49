"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../_lib/trpc";
import { AccountMenu } from "./account/account-menu";

const NAV = [
  { href: "/", label: "Create" },
  { href: "/jobs", label: "Jobs" },
  { href: "/library", label: "Library" },
  { href: "/validate", label: "Validate" },
  { href: "/mcp", label: "MCP" },
] as const;

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname.startsWith(href);
}

const DATABASE_TITLES = {
  pglite: "Jobs are stored in the embedded PostgreSQL (PGlite)",
  postgresql: "Jobs are stored in a PostgreSQL server",
} as const;

/**
 * The engine and the kind of database, never where they are (no file paths or URLs in the page). Once known they
 * stay shown through an outage; the outage banner says the server is away.
 */
function SystemBadges() {
  const trpc = useTRPC();
  const info = useQuery(trpc.system.info.queryOptions());
  if (!info.data)
    return (
      <span className="badge" aria-busy={!info.isError}>
        {info.isError ? "Server not reached yet" : "Connecting…"}
      </span>
    );
  return (
    <span className="badges" data-testid="system-info">
      <span className="badge" title="The engine that writes skills" data-testid="engine-name">
        Engine: {info.data.offline ? "offline" : info.data.engine}
      </span>
      <span className="badge" title={DATABASE_TITLES[info.data.databaseKind]}>
        Database: {info.data.databaseKind}
      </span>
    </span>
  );
}

export function AppHeader() {
  const pathname = usePathname();
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        Skill Fleet
      </Link>
      <nav aria-label="Main">
        <ul>
          {NAV.map((item) => (
            <li key={item.href}>
              <Link href={item.href} aria-current={isActive(pathname, item.href) ? "page" : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <SystemBadges />
      <AccountMenu />
    </header>
  );
}

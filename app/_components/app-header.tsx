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
] as const;

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname.startsWith(href);
}

function SystemBadges() {
  const trpc = useTRPC();
  const info = useQuery(trpc.system.info.queryOptions());
  if (info.isError)
    return (
      <span className="badge badge-error" role="status">
        Server unreachable
      </span>
    );
  if (!info.data)
    return (
      <span className="badge" aria-busy="true">
        Connecting…
      </span>
    );
  return (
    <span className="badges" data-testid="system-info">
      <span className="badge" title="The engine that writes skills" data-testid="engine-name">
        Engine: {info.data.offline ? "offline" : info.data.engine}
      </span>
      <span className="badge" title="Where jobs are stored">
        Database: {info.data.database}
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

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { authClient } from "../../_lib/auth-client";
import { useTRPC } from "../../_lib/trpc";

/** Shared mode only: who is signed in, their API tokens, and Sign out (or a Sign in link). */
export function AccountMenu() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const session = authClient.useSession();
  const router = useRouter();
  const signOut = async () => {
    await authClient.signOut();
    router.push("/sign-in");
  };
  if (me.data?.mode !== "shared") return null;
  const user = session.data?.user;
  if (!user)
    return (
      <Link href="/sign-in" className="button">
        Sign in
      </Link>
    );
  const shownName = user.username ?? user.name;
  return (
    <span className="row" data-testid="account-menu">
      <span className="badge">Signed in as {shownName}</span>
      <Link href="/account/tokens">API tokens</Link>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </span>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { authClient } from "../../_lib/auth-client";
import { useTRPC } from "../../_lib/trpc";

/** Who is signed in, their API tokens, and Sign out (or a Sign in link). */
function SharedAccountMenu() {
  const session = authClient.useSession();
  const router = useRouter();
  const signOut = async () => {
    await authClient.signOut();
    router.push("/sign-in");
  };
  const user = session.data?.user;
  if (!user)
    return (
      <Link href="/sign-in" className="button">
        Sign in
      </Link>
    );
  return (
    <span className="row" data-testid="account-menu">
      <span className="badge">Signed in as {user.username ?? user.name}</span>
      <Link href="/account/tokens">API tokens</Link>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </span>
  );
}

/** Shared mode only: a local server has nobody to sign in (and no sign-in endpoints to ask). */
export function AccountMenu() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  return me.data?.mode === "shared" ? <SharedAccountMenu /> : null;
}

"use client";

import { createAuthClient } from "better-auth/react";
import { usernameClient } from "better-auth/client/plugins";

/** The browser side of sign-in (shared mode; docs/security.md): better-auth's client on this origin. */
export const authClient = createAuthClient({ plugins: [usernameClient()] });

/** Where to go after signing in: a path of this app only (never another site). */
export function safeNextPath(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

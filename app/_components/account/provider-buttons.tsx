"use client";

import { authClient } from "../../_lib/auth-client";

/**
 * The same id as OIDC_PROVIDER_ID in server/auth/sign-in.ts (a browser component cannot import it); better-auth
 * serves generic OAuth providers through its usual social sign-in.
 */
const OIDC_PROVIDER_ID = "oidc";

/** Sign-in through GitHub or the configured OpenID Connect provider, when the server has their settings. */
export function ProviderButtons({ providers, next }: { providers: { github: boolean; oidc: boolean }; next: string }) {
  if (!providers.github && !providers.oidc) return null;
  return (
    <div className="row">
      {providers.github && (
        <button type="button" onClick={() => void authClient.signIn.social({ provider: "github", callbackURL: next })}>
          Sign in with GitHub
        </button>
      )}
      {providers.oidc && (
        <button
          type="button"
          onClick={() => void authClient.signIn.social({ provider: OIDC_PROVIDER_ID, callbackURL: next })}
        >
          Sign in with your organisation
        </button>
      )}
    </div>
  );
}

import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { genericOAuth, username } from "better-auth/plugins";
import type { Env } from "../common/env";
import type { PrismaClient } from "../db/client";

/**
 * Sign-in for shared mode through better-auth (docs/security.md, "Sign-in"): username and password, GitHub and
 * any OpenID Connect provider when their settings are present. Its tables are in prisma/schema.prisma; its
 * endpoints are served under /api/auth by app/api/auth/[...all]/route.ts.
 */
export const AUTH_BASE_PATH = "/api/auth";
/** Also named in app/_components/account/provider-buttons.tsx (browser code cannot import this module). */
export const OIDC_PROVIDER_ID = "oidc";

function githubProvider(settings: Env) {
  const { SKILL_FLEET_GITHUB_CLIENT_ID: clientId, SKILL_FLEET_GITHUB_CLIENT_SECRET: clientSecret } = settings;
  return clientId && clientSecret ? { github: { clientId, clientSecret } } : {};
}

function oidcPlugins(settings: Env) {
  const { SKILL_FLEET_OIDC_ISSUER: issuer, SKILL_FLEET_OIDC_CLIENT_ID: clientId } = settings;
  if (!issuer || !clientId) return [];
  const discoveryUrl = `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
  const config = {
    providerId: OIDC_PROVIDER_ID,
    discoveryUrl,
    clientId,
    clientSecret: settings.SKILL_FLEET_OIDC_CLIENT_SECRET,
    scopes: ["openid", "profile", "email"],
    pkce: true,
  };
  return [genericOAuth({ config: [config] })];
}

export function createSignIn(prisma: PrismaClient, settings: Env) {
  return betterAuth({
    appName: "Skill Fleet",
    basePath: AUTH_BASE_PATH,
    baseURL: settings.SKILL_FLEET_PUBLIC_URL,
    secret: settings.SKILL_FLEET_AUTH_SECRET,
    trustedOrigins: settings.SKILL_FLEET_PUBLIC_URL ? [settings.SKILL_FLEET_PUBLIC_URL] : [],
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 10 },
    socialProviders: githubProvider(settings),
    plugins: [username(), ...oidcPlugins(settings)],
    telemetry: { enabled: false },
    // better-auth's own limiter guards the sign-in endpoints against password guessing.
    rateLimit: { enabled: true, window: 60, max: 30 },
  });
}

export type SignIn = ReturnType<typeof createSignIn>;

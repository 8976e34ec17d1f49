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
const USERNAME = /^[A-Za-z0-9._-]+$/;

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

/**
 * The public URL, and the origin the request was sent to: proxy.ts has already refused every mutation from a
 * foreign Origin, so a same-origin request is one of ours whatever host name the server is reached by.
 */
function trustedOrigins(settings: Env, request: Request | undefined): string[] {
  const host = request?.headers.get("host");
  const sameOrigin = request && host ? `${new URL(request.url).protocol}//${host}` : null;
  return [settings.SKILL_FLEET_PUBLIC_URL, sameOrigin].filter((origin): origin is string => !!origin);
}

export function createSignIn(prisma: PrismaClient, settings: Env) {
  return betterAuth({
    appName: "Skill Fleet",
    basePath: AUTH_BASE_PATH,
    baseURL: settings.SKILL_FLEET_PUBLIC_URL,
    secret: settings.SKILL_FLEET_AUTH_SECRET,
    trustedOrigins: (request) => trustedOrigins(settings, request),
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 10 },
    socialProviders: githubProvider(settings),
    // Usernames follow the local identity rule (letters, digits, ".", "_", "-"), so both modes read alike.
    plugins: [username({ usernameValidator: (name) => USERNAME.test(name) }), ...oidcPlugins(settings)],
    telemetry: { enabled: false },
    // better-auth's own limiter guards the sign-in endpoints against password guessing.
    rateLimit: { enabled: true, window: 60, max: 30 },
  });
}

export type SignIn = ReturnType<typeof createSignIn>;

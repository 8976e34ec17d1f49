/** The fixed browser protections (docs/security.md); the CSP, which needs a per-request nonce, is set by proxy.ts. */
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

const MIB = 1024 * 1024;
/** The app's body limit (validated at boot by server/common/env.ts; docs/security.md, "Limits"). */
const maxBodyBytes = Number(process.env.SKILL_FLEET_MAX_BODY_BYTES) || 16 * MIB;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its wasm and data files relative to its own module, and pino uses worker threads:
  // both must be required from node_modules at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "pino",
    "@prisma/adapter-pg",
    // One copy of the metrics library per process, whichever bundle (route, instrumentation) loads it first.
    "prom-client",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
  // Type checking is `npm run typecheck` (run by CI); doing it again inside every build only slows builds down.
  typescript: { ignoreBuildErrors: true },
  // Allow building into another folder so tests can build without touching a running dev server's .next.
  distDir: process.env.SKILL_FLEET_DIST_DIR || ".next",
  experimental: {
    // With a proxy (proxy.ts), Next.js buffers each body to hand it on and silently cuts it at this size (10 MB by
    // default), dropping the network chunk that crosses it: the route then read a truncated JSON body and answered
    // 400 instead of 413. A margin of 1 MiB above the app's limit (network chunks are at most 64 KiB) means a body
    // over the app's limit always reaches the route longer than that limit, so the route can say 413 in words.
    proxyClientMaxBodySize: maxBodyBytes + MIB,
  },
  // On every response, static files included.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;

/** The fixed browser protections (docs/security.md); the CSP, which needs a per-request nonce, is set by proxy.ts. */
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its wasm and data files relative to its own module, and pino uses worker threads:
  // both must be required from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "pino", "@prisma/adapter-pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
  // Type checking is `npm run typecheck` (run by CI); doing it again inside every build only slows builds down.
  typescript: { ignoreBuildErrors: true },
  // Allow building into another folder so tests can build without touching a running dev server's .next.
  distDir: process.env.SKILL_FLEET_DIST_DIR || ".next",
  // On every response, static files included.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;

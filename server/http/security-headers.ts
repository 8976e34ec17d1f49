/**
 * The Content Security Policy of every page (docs/security.md, "Browser protections"): only this origin's scripts
 * that carry the per-request nonce run (Next.js adds it to its own scripts when proxy.ts passes the policy on the
 * request), and nothing may frame the app. The fixed headers (nosniff, Referrer-Policy…) are in next.config.mjs.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  // React's development build evaluates code (stack reconstruction); production never does.
  const evalInDev = development ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${evalInDev}`,
    // Inline style attributes (React's style={…}) cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

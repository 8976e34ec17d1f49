/**
 * Local or shared (docs/security.md, "Modes"). Local single-user mode answers only on loopback and asks nobody to
 * sign in; the app is shared (sign-in required, `x-user-id` ignored) when it binds beyond loopback or when
 * SKILL_FLEET_AUTH is true.
 */
export interface AccessSettings {
  HOST?: string;
  SKILL_FLEET_AUTH?: boolean;
}

const LOOPBACK_NAMES = new Set(["localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1"]);

/** True for 127.0.0.0/8, ::1 and localhost (with or without a port). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase();
  // A port follows "]" for bracketed IPv6, the only ":" otherwise; a bare IPv6 address has no port.
  const bareIpv6 = !bare.startsWith("[") && bare.split(":").length > 2;
  const withoutPort = bareIpv6 ? bare : bare.replace(/(\]|[^:\]]+):\d+$/, "$1");
  return LOOPBACK_NAMES.has(withoutPort) || /^127(\.\d{1,3}){3}$/.test(withoutPort);
}

export function isSharedMode(settings: AccessSettings): boolean {
  if (settings.SKILL_FLEET_AUTH !== undefined) return settings.SKILL_FLEET_AUTH;
  return settings.HOST !== undefined && !isLoopbackHost(settings.HOST);
}

/** A contradiction that must stop the server: told not to ask for sign-in while listening beyond loopback. */
export function accessModeProblem(settings: AccessSettings): string | null {
  if (settings.SKILL_FLEET_AUTH === false && settings.HOST !== undefined && !isLoopbackHost(settings.HOST))
    return `HOST ${settings.HOST} is not loopback: a shared server needs sign-in (unset SKILL_FLEET_AUTH or set it to true)`;
  return null;
}

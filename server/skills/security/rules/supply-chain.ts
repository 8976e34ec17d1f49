import type { SecuritySeverity } from "../../../../contracts/security-report";
import { allLines, defensiveLine, hitAt } from "../context";
import { imitated, POPULAR_NPM, POPULAR_PYPI } from "../popular-packages";
import type { RuleHit, ScanFileView, ScanLine, ScanView, SecurityRule } from "../types";
import { defaultAdjust, type LineContext, lineRule } from "./line-rule";

/** Supply chain: look-alike packages, extra or insecure package indexes, dependencies from unknown hosts. */

const FAMILY = "supply-chain";

const PIP_INSTALL = /\b(pip3?|uv\s+pip|pipx|poetry|uv)\s+(install|add)\s+([^\n;&|#`]*)/i;
const NPM_INSTALL = /\b(npm|pnpm|yarn|bun)\s+(install|i|add)\s+([^\n;&|#`]*)/i;

/** `pkg==1.0`, `pkg[extra]`, `pkg@^2`, `@scope/pkg@1` → the bare name. */
function packageName(arg: string): string {
  const bare = arg.replace(/^["']|["']$/g, "");
  const core = bare.startsWith("@") ? `@${bare.slice(1).split("@")[0] ?? ""}` : (bare.split("@")[0] ?? "");
  return core.split(/[[=<>~!;]/)[0] ?? "";
}

function argsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .filter((arg) => arg !== "" && !arg.startsWith("-") && !arg.includes(":") && !arg.startsWith("."))
    .map(packageName)
    .filter((arg) => /^@?[\w.-]+(\/[\w.-]+)?$/.test(arg));
}

/** Package names a line installs or declares, with the registry they come from. */
function declared(file: ScanFileView, line: ScanLine): { name: string; popular: readonly string[] }[] {
  const name = file.path.split("/").pop() ?? "";
  if (/^requirements[^/]*\.txt$/i.test(name)) {
    const pkg = /^\s*([A-Za-z0-9][\w.-]*)/.exec(line.text)?.[1];
    return pkg ? [{ name: pkg, popular: POPULAR_PYPI }] : [];
  }
  if (name === "package.json") {
    const pkgs = line.text.matchAll(/"(@?[\w.-]+(?:\/[\w.-]+)?)"\s*:\s*"[\^~]?\d/g);
    return [...pkgs].map((match) => ({ name: match[1] ?? "", popular: POPULAR_NPM }));
  }
  if (!/\b(install|add|i)\b/.test(line.text)) return [];
  const pip = PIP_INSTALL.exec(line.text)?.[3];
  const npm = NPM_INSTALL.exec(line.text)?.[3];
  return [
    ...argsOf(pip ?? "").map((pkg) => ({ name: pkg, popular: POPULAR_PYPI })),
    ...argsOf(npm ?? "").map((pkg) => ({ name: pkg, popular: POPULAR_NPM })),
  ];
}

function typosquats(view: ScanView): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const { file, line } of allLines(view)) {
    for (const pkg of declared(file, line)) {
      const target = imitated(pkg.name, pkg.popular);
      if (target === null) continue;
      const severity: SecuritySeverity = defensiveLine(view, line) ? "low" : "high";
      hits.push(
        hitAt(
          line,
          severity,
          `Installs "${pkg.name}", one letter away from the popular package "${target}" (typosquat)`,
        ),
      );
    }
  }
  return hits;
}

const OFFICIAL_INDEX =
  /(pypi\.org|pythonhosted\.org|download\.pytorch\.org|pypi\.nvidia\.com|registry\.npmjs\.org|registry\.yarnpkg\.com|npm\.pkg\.github\.com)/i;

const INDEX =
  /(--extra-index-url|extra-index-url\s*=|--index-url|\s-i\s+https?:|index-url\s*=|global\.index-url|--trusted-host|trusted-host\s*=|npm\s+config\s+set\s+[^\n]*registry|--registry[=\s]|^\s*registry\s*=|strict-ssl\s*(=|\s)\s*false|NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*["']?0|PIP_INDEX_URL|PIP_EXTRA_INDEX_URL|npm_config_registry)/i;

function indexAdjust(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null {
  const adjusted = defaultAdjust(ctx, severity);
  if (adjusted === null || adjusted === "low" || adjusted === "critical") return adjusted;
  const text = ctx.line.text;
  const insecure = /http:\/\/|trusted-host|strict-ssl\s*(=|\s)\s*false|TLS_REJECT_UNAUTHORIZED/i.test(text);
  const confusion = /extra-index-url|EXTRA_INDEX/i.test(text) && !OFFICIAL_INDEX.test(text);
  const global =
    /\b(config\s+set|--global|global\.|~\/\.npmrc|pip\.conf|\.pypirc)\b/i.test(text) && !OFFICIAL_INDEX.test(text);
  if (insecure || confusion || global) return "high";
  return OFFICIAL_INDEX.test(text) ? "info" : "medium";
}

const URL_DEPENDENCY =
  /(^\s*"(@?[\w.-]+)"\s*:\s*"(git\+|git:|https?:|github:)[^"]*"|^\s*([\w.-]+)\s*@\s*(git\+)?https?:\/\/|\bgit\+https?:\/\/\S+#egg=)/i;

function urlDependencyAdjust(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null {
  const name = ctx.match[2] ?? ctx.match[4] ?? "";
  const shadowed = [...POPULAR_NPM, ...POPULAR_PYPI].includes(name.toLowerCase());
  return shadowed ? "high" : defaultAdjust(ctx, severity);
}

export const supplyChainRules: readonly SecurityRule[] = [
  { id: "SEC-SUP-001", family: FAMILY, check: typosquats },
  lineRule({
    id: "SEC-SUP-002",
    family: FAMILY,
    pattern: INDEX,
    severity: "medium",
    message:
      "Adds or replaces a package index (extra indexes invite dependency confusion; plain HTTP or disabled TLS lets anyone swap packages)",
    adjust: indexAdjust,
  }),
  lineRule({
    id: "SEC-SUP-003",
    family: FAMILY,
    pattern: URL_DEPENDENCY,
    severity: "medium",
    message:
      "A dependency comes from a URL or git host instead of the registry (a well-known name here is a substitute)",
    adjust: urlDependencyAdjust,
  }),
  lineRule({
    id: "SEC-SUP-004",
    family: FAMILY,
    pattern: /"(preinstall|install|postinstall)"\s*:\s*"[^"]*"/,
    severity: "medium",
    kinds: ["config"],
    message: "An install hook runs code on `npm install`, before anyone reads it",
  }),
];

import type { SecuritySeverity } from "../../../../contracts/security-report";
import { blockOf, cap, defensiveLine, raise } from "../context";
import { NETWORK_SEND } from "../patterns";
import type { SecurityRule } from "../types";
import { defaultAdjust, type LineContext, lineRule } from "./line-rule";

/** Persistence and tampering: changes that outlive the task or widen what agents may do. */

const FAMILY = "persistence";

const FETCH_OR_RUN = /\b(curl|wget|Invoke-WebRequest|iwr|nc|base64)\b|\|\s*(ba)?sh\b/i;
const WRAPPER =
  /(\b(function\s+)?(sudo|su|ssh|git|passwd|doas)\s*\(\s*\)|\bfunction\s+(sudo|su|ssh|passwd|doas)\b|\balias\s+(sudo|su|ssh|passwd)=)/;

function blockText(ctx: LineContext): string[] {
  return blockOf(ctx.file, ctx.line).map((line) => line.text);
}

/** The block also fetches, runs remote code or sends data: the persistence carries an attack. */
function carriesPayload(ctx: LineContext): boolean {
  return blockText(ctx).some((text) => FETCH_OR_RUN.test(text) || NETWORK_SEND.test(text) || WRAPPER.test(text));
}

function payloadAdjust(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null {
  const adjusted = defaultAdjust(ctx, severity);
  if (adjusted === null || defensiveLine(ctx.view, ctx.line, ctx.match.index)) return adjusted;
  return carriesPayload(ctx) ? raise(adjusted, "critical") : adjusted;
}

const PROFILE =
  /(>>?\s*["']?(~|\$HOME|\$\{HOME\})?\/?[\w./-]*\.(bashrc|zshrc|bash_profile|profile|zprofile|zshenv|zlogin|config\/fish\/config\.fish)\b|\btee\s+-a\s+[^\n]*\.(bashrc|zshrc|bash_profile|profile|zprofile)|open\([^)]*\.(bashrc|zshrc|bash_profile|profile|zprofile)["'][^)]*["']a|\$PROFILE\b[^\n]*(Add-Content|>>|Set-Content))/i;

const SCHEDULE =
  /(\bcrontab\s+(-\s|-l\b[^\n]*\|)|\|\s*crontab\b|\/etc\/cron|@reboot|LaunchAgents\/|LaunchDaemons\/|launchctl\s+(load|bootstrap)|systemctl\s+(--user\s+)?enable|\.config\/systemd\/user|\bschtasks\s+\/create|Register-ScheduledTask|\\CurrentVersion\\Run\b)/i;

const GIT_HOOK = /(core\.hooksPath|\.git\/hooks\/[\w-]+|\binit\.templateDir\b)/i;

function hookAdjust(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null {
  const adjusted = payloadAdjust(ctx, severity);
  if (adjusted === null) return null;
  return /--global|--system/.test(ctx.line.text) ? raise(adjusted, "high") : adjusted;
}

const AGENT_FILES =
  /(\b(>>?|tee|cp|mv|cat\s*>|sed\s+-i|write|append|overwrite|modify|edit|replace|add (a |this )?(line|rule|section|instruction)s? to)\b[^\n]*(CLAUDE\.md|AGENTS\.md|GEMINI\.md|\.cursorrules|copilot-instructions\.md|\.claude\/skills\/|~\/\.claude\b|\.codex\/|\.agents\/skills\/|other skills?))/i;

const AUTO_APPROVE =
  /(autoApprove["']?\s*[:=]\s*["']?true|chat\.tools\.autoApprove|\bbypassPermissions\b|--dangerously-skip-permissions|dangerously-bypass-approvals|approval_policy\s*=\s*["']?never|ask_for_approval\s*=\s*["']?never|--yolo\b|\byolo mode\b|danger-full-access|["']Bash\(\s*\*\s*(:\s*\*)?\s*\)["']|["']allow["']\s*:\s*\[\s*["']\*["']|\bauto[- ]?run\b[^\n]*\b(enable|on|true|without)|autoAcceptEdits|"permissions"\s*:\s*\{[^}]*"allow"\s*:\s*\[[^\]]*"\*")/i;

const WARNING = /\b(never|don't|do not|red flag|avoid|dangerous|deny)\b/i;
/** "so you never have to ask the user again" sells the setting; it is not a warning against it. */
const NO_MORE_ASKING =
  /\b(never|no longer|don't|do not|won't)\s+(have|need|needs)\s+to\s+(ask|confirm|prompt|wait)|\bwithout (asking|confirmation|approval|prompting)/i;

/** Settings that widen permissions are a finding where they are set, not where a hardening guide names them. */
function autoApproveAdjust(ctx: LineContext, severity: SecuritySeverity): SecuritySeverity | null {
  if (ctx.line.zone === "comment") return "critical";
  if (defensiveLine(ctx.view, ctx.line, ctx.match.index)) return "low";
  const warned = blockText(ctx).some((text) => WARNING.test(text) && !NO_MORE_ASKING.test(text));
  return warned ? cap(severity, "low") : severity;
}

export const persistenceRules: readonly SecurityRule[] = [
  lineRule({
    id: "SEC-PER-001",
    family: FAMILY,
    pattern: PROFILE,
    severity: "medium",
    message: "Writes to a shell start-up file: it runs in every future shell",
    adjust: payloadAdjust,
  }),
  lineRule({
    id: "SEC-PER-002",
    family: FAMILY,
    pattern: SCHEDULE,
    severity: "medium",
    message: "Installs a scheduled or start-up task (cron, LaunchAgent, systemd, Run key)",
    adjust: payloadAdjust,
  }),
  lineRule({
    id: "SEC-PER-003",
    family: FAMILY,
    pattern: GIT_HOOK,
    severity: "low",
    message: "Installs git hooks; a global hooks path runs them in every repository",
    adjust: hookAdjust,
  }),
  lineRule({
    id: "SEC-PER-004",
    family: FAMILY,
    pattern: AGENT_FILES,
    severity: "medium",
    message: "Changes agent instruction files or other skills, which steer every later session",
  }),
  lineRule({
    id: "SEC-PER-005",
    family: FAMILY,
    pattern: AUTO_APPROVE,
    severity: "high",
    message: "Widens agent permissions or turns on auto-approve, so later commands run without the user",
    adjust: autoApproveAdjust,
  }),
];

import { readProvenance } from "../contracts/provenance";
import { provenanceLine } from "../contracts/provenance-line";
import type { inferRouterOutputs } from "@trpc/server";
import type { z } from "zod";
import {
  DIMENSION_LABELS,
  dimensionsBelowBar,
  SCAFFOLD_LABEL,
  verdictHeadline,
  type ContentScores,
  type JudgeView,
  type QualityDetails,
} from "../contracts/validation";
import type { SecurityReport } from "../contracts/security-report";
import type { AppRouter } from "../server/trpc/root";
import type { jobEventSchema } from "../server/trpc/routers/jobs/schemas";
import type { Terminal } from "./terminal";

/** How job events, results, validation reports and job lists look in a terminal. */
type Outputs = inferRouterOutputs<AppRouter>;
export type JobDetail = Outputs["jobs"]["get"];
export type JobSummary = Outputs["jobs"]["list"]["items"][number];
export type ValidationReport = Outputs["skills"]["validate"];
export type JobEvent = z.infer<typeof jobEventSchema>;

const seconds = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

function num(data: Record<string, unknown>, key: string): number | null {
  const value = data[key];
  return typeof value === "number" ? value : null;
}

function stepLine(event: JobEvent): string {
  const data = event.data as Record<string, unknown>;
  const duration = num(data, "durationMs");
  const usage = (data.usage ?? {}) as Record<string, unknown>;
  const tokens = num(usage, "totalTokens");
  const details = [duration === null ? null : seconds(duration), tokens ? `${tokens} tokens` : null]
    .filter(Boolean)
    .join(", ");
  const failed = data.status === "failed";
  const provenance = readProvenance(data.provenance);
  const source = provenance && provenance.source !== "offline" ? `\n      ${provenanceLine(provenance)}` : "";
  return `  ${failed ? "✗" : "✓"} ${event.message}${details ? ` (${details})` : ""}${failed ? `: ${String(data.error ?? "failed")}` : ""}${source}`;
}

/** One line per meaningful event; step_start and progress are left out to keep the log readable. */
export function eventLine(event: JobEvent): string | null {
  switch (event.type) {
    case "phase_start": {
      const round = num(event.data as Record<string, unknown>, "round");
      return `▸ ${event.phase ?? event.message}${round && round > 1 ? ` (round ${round})` : ""}`;
    }
    case "step_end":
      return stepLine(event);
    case "reasoning":
      return `    · ${event.message.length > 200 ? `${event.message.slice(0, 200)}…` : event.message}`;
    case "hitl_answered":
      return `  ✓ answered: ${event.message}`;
    case "failed":
    case "cancelled":
      return `✗ ${event.type}${event.message ? `: ${event.message}` : ""}`;
    default:
      return null;
  }
}

const score = (value: number | null | undefined): string => (typeof value === "number" ? value.toFixed(2) : "—");

function printJobHeader(term: Terminal, job: JobDetail): void {
  term.print(`\nJob ${job.id}: ${job.status}${job.result?.scaffold ? ` · ${SCAFFOLD_LABEL}` : ""}`);
  if (job.error) term.print(`  error:   ${job.error}`);
  const result = job.result;
  if (result) {
    term.print(`  name:    ${result.name ?? "—"}`);
    term.print(`  path:    ${result.path ?? "—"}`);
    term.print(`  score:   ${score(result.score)} (${result.passed ? "passed" : "did not pass"})`);
  }
  if (job.draft) term.print(`  draft:   ${job.draft.skillPath} (revision ${job.draft.revision})`);
  if (job.finalPath) term.print(`  final:   ${job.finalPath} version ${job.finalVersion ?? "?"}`);
}

/** The verdict with its reasons, for a job whose validation recorded content scores. */
function printJobVerdict(term: Terminal, result: NonNullable<JobDetail["result"]>): void {
  const validation = result.validation;
  if (!validation?.quality || !validation.scores) return;
  const report = { passed: result.passed ?? false, findings: validation.findings };
  term.print(`  verdict: ${verdictHeadline({ ...report, scores: validation.scores, quality: validation.quality })}`);
  printReasons(term, validation.quality, "  ");
  term.print(`  judge:   ${judgeLine(validation.quality.judge)}`);
}

/** Steps the offline engine wrote because the model failed, and why the job waits for review. */
function printFallbacks(term: Terminal, result: NonNullable<JobDetail["result"]>): void {
  if (result.reviewReason) term.print(`  review:  ${result.reviewReason}`);
  for (const f of result.fellBack) term.print(`  fallback: ${f.step} (${f.key}) on ${f.engine}: ${f.reason}`);
}

export function printJobResult(term: Terminal, job: JobDetail): void {
  printJobHeader(term, job);
  if (job.result) printFallbacks(term, job.result);
  if (job.result) printJobVerdict(term, job.result);
  for (const step of job.result?.nextSteps ?? []) term.print(`  next:    ${step}`);
  if (job.draft && !job.promoted)
    term.print(`  promote: skill-fleet promote ${job.id}${job.status === "pending_review" ? " --force" : ""}`);
}

const TIERS = ["spec", "portability", "quality"] as const;
const SEVERITIES = ["error", "warning", "info"] as const;

/** The dimensions under the bar, each with the lines that cost it points. */
function printReasons(term: Terminal, quality: QualityDetails, indent = ""): void {
  for (const d of dimensionsBelowBar(quality)) {
    term.print(
      `${indent}✗ ${DIMENSION_LABELS[d.id]} ${d.score.toFixed(2)} (bar ${quality.dimensionBar}): ${d.summary}`,
    );
    for (const e of d.evidence.filter((item) => item.effect === "-"))
      term.print(`${indent}    ${e.file ?? "SKILL.md"}${e.line ? `:${e.line}` : ""}  "${e.quote}"  — ${e.note}`);
  }
}

/** What the report says of the model judge; only ever its own figures, or why there are none. */
function judgeLine(judge: JudgeView): string {
  if (judge.status === "failed") return `model judge failed: ${judge.reason}`;
  if (judge.status === "not_run") return `model judge did not run: ${judge.reason}`;
  const risk = judge.correctnessRisk.toFixed(2);
  return `model judge (${judge.engine}): ${judge.score.toFixed(2)}, correctness risk ${risk}. ${judge.summary}`;
}

function printScores(term: Terminal, scores: ContentScores, quality: QualityDetails): void {
  const dims = quality.dimensions.map((d) => `${DIMENSION_LABELS[d.id].toLowerCase()} ${d.score.toFixed(2)}`);
  term.print(`content quality ${scores.overall.toFixed(2)} (pass mark ${quality.threshold}): ${dims.join(", ")}`);
  term.print(judgeLine(quality.judge));
}

/** The verdict and its reasons, the scores, then the findings grouped by tier and severity. */
export function printValidation(term: Terminal, report: ValidationReport): void {
  term.print(`validation: ${verdictHeadline(report)}${report.quality.scaffold ? ` · ${SCAFFOLD_LABEL}` : ""}`);
  printReasons(term, report.quality, "  ");
  printScores(term, report.scores, report.quality);
  for (const tier of TIERS) {
    for (const severity of SEVERITIES) {
      const findings = report.findings.filter((f) => f.tier === tier && f.severity === severity);
      if (findings.length === 0) continue;
      term.print(`\n${tier} · ${severity === "info" ? "suggestion" : severity} (${findings.length})`);
      for (const f of findings) term.print(`  [${f.ruleId}] ${f.path}${f.line ? `:${f.line}` : ""}  ${f.message}`);
    }
  }
  if (report.findings.length === 0) term.print("no findings");
  if (report.security) printSecurity(term, report.security, "\n");
}

/** The security scan: the risk, then each finding with its place and the quoted evidence. */
export function printSecurity(term: Terminal, report: SecurityReport, lead = ""): void {
  const analysed = report.analysed ? "" : " · not fully analysed";
  term.print(`${lead}security: risk ${report.risk}${analysed} (${report.findings.length} finding(s))`);
  for (const f of report.findings) {
    term.print(`  ${f.severity.padEnd(8)} [${f.ruleId}] ${f.path}${f.line ? `:${f.line}` : ""}  ${f.message}`);
    term.print(`           ${f.evidence}`);
  }
}

function cell(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ");
  if (flat.length > width) return `${flat.slice(0, width - 1)}…`;
  return Number.isFinite(width) ? flat.padEnd(width) : flat;
}

/** A fixed-width table of jobs; on a terminal the task column takes what its width leaves (piped: not cut). */
export function printJobTable(
  term: Terminal,
  jobs: JobSummary[],
  columns = process.stdout.isTTY ? process.stdout.columns : Infinity,
): void {
  const taskWidth = Math.max(20, columns - 36 - 19 - 6 - 18 - 4);
  term.print(`${cell("ID", 36)} ${cell("STATUS", 18)} ${cell("SCORE", 5)} ${cell("CREATED", 16)}  TASK`);
  for (const job of jobs) {
    const created = job.createdAt.toISOString().slice(0, 16).replace("T", " ");
    term.print(
      `${job.id} ${cell(job.status, 18)} ${cell(score(job.score), 5)} ${cell(created, 16)}  ${cell(job.task, taskWidth).trimEnd()}`,
    );
  }
}

import type { LanguageModel } from "ai";
import type { SecurityFinding, SecurityReport } from "../../contracts/security-report";
import { addFindings, buildView } from "../skills/security/index";
import type { ScanInput } from "../skills/security/types";
import { modelFor } from "./models";
import { runStep } from "./run-step";
import {
  judgeSecurity,
  SECURITY_JUDGE_PASSES,
  type JudgeSecurityOutput,
  type SecurityJudgePass,
} from "./steps/judge-security";

/**
 * The model judge over a deterministic scan (docs/security-scan.md): one focused pass per concern, each finding
 * kept only when its evidence is found verbatim in the skill. It only adds findings (a deterministic high or
 * critical is never lowered); a skill too long to send or a pass that fails makes the report `analysed: false`.
 */

/** Characters of skill text sent to the judge; beyond it the judge does not read the skill (and says so). */
export const MAX_JUDGE_CHARS = 150_000;

export interface SecurityJudgeOptions {
  signal?: AbortSignal;
  /** Tests: this model instead of the configured one. */
  model?: LanguageModel;
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

function textFiles(input: ScanInput): { path: string; text: string }[] {
  return [...input.files].flatMap(([path, file]) => (file.text === null ? [] : [{ path, text: file.text }]));
}

/** The line where the quoted evidence is, or null when the skill does not contain it (a made-up quote). */
function locate(
  files: { path: string; text: string }[],
  path: string,
  evidence: string,
): { path: string; line: number } | null {
  const wanted = squash(evidence);
  if (wanted.length < 8) return null;
  const ordered = [...files.filter((file) => file.path === path), ...files.filter((file) => file.path !== path)];
  for (const file of ordered) {
    const index = file.text
      .split("\n")
      .findIndex(
        (line) => squash(line).includes(wanted) || (wanted.includes(squash(line)) && squash(line).length > 20),
      );
    if (index >= 0) return { path: file.path, line: index + 1 };
  }
  return null;
}

function verified(input: ScanInput, pass: SecurityJudgePass, output: JudgeSecurityOutput): SecurityFinding[] {
  const files = textFiles(input);
  const prefix = input.hasFolder && input.folder !== null ? `${input.folder}/` : "";
  return output.findings.flatMap((finding) => {
    const at = locate(files, finding.path.replace(prefix, ""), finding.evidence);
    if (!at) return [];
    const { severity, message, evidence } = finding;
    return [{ ruleId: `SEC-LLM-${pass}`, severity, message, path: `${prefix}${at.path}`, line: at.line, evidence }];
  });
}

function notRead(report: SecurityReport, message: string): SecurityReport {
  const finding: SecurityFinding = {
    ruleId: "SEC-LLM-not-read",
    severity: "info",
    message,
    path: "",
    line: null,
    evidence: "",
  };
  return addFindings(report, [finding], false);
}

export async function judgeSecurityReport(
  input: ScanInput,
  report: SecurityReport,
  options: SecurityJudgeOptions = {},
): Promise<SecurityReport> {
  const model = options.model ?? (await modelFor("judgeSecurity")).model;
  if (!model) return report;
  const files = textFiles(input);
  const size = files.reduce((sum, file) => sum + file.text.length, 0);
  if (size > MAX_JUDGE_CHARS)
    return notRead(
      report,
      `The model judge did not read the skill: ${size} characters, over its limit of ${MAX_JUDGE_CHARS}`,
    );
  const view = buildView(input);
  const stepInput = { name: input.folder ?? "skill", description: view.description, files };
  const passes = await Promise.allSettled(
    SECURITY_JUDGE_PASSES.map((pass) =>
      runStep(judgeSecurity, { ...stepInput, pass }, { model, signal: options.signal }),
    ),
  );
  const found = passes.flatMap((result, index) =>
    result.status === "fulfilled"
      ? verified(input, SECURITY_JUDGE_PASSES[index] ?? "hidden-intent", result.value.output)
      : [],
  );
  const failed = passes.flatMap((result, index) =>
    result.status === "rejected" ? [SECURITY_JUDGE_PASSES[index]] : [],
  );
  const judged = addFindings(report, found, true);
  return failed.length === 0
    ? judged
    : notRead(judged, `The model judge failed on: ${failed.join(", ")}; the skill is not fully analysed`);
}

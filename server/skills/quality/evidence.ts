import type { BodyLine } from "./body";
import type { DimensionId, DimensionScore, Evidence } from "./types";

/** Evidence lines kept per side (earned / lost) and dimension: enough to act on, short enough to read. */
export const EVIDENCE_PER_SIDE = 3;

const QUOTE_CHARS = 110;

export function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= QUOTE_CHARS ? flat : `${flat.slice(0, QUOTE_CHARS - 1)}…`;
}

export const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));
export const round2 = (value: number): number => Math.round(clamp01(value) * 100) / 100;

export function lineEvidence(
  effect: Evidence["effect"],
  where: { file: string; line: BodyLine },
  note: string,
): Evidence {
  const evidence: Evidence = { effect, line: where.line.line, quote: quote(where.line.text || where.line.raw), note };
  if (where.file !== "SKILL.md") evidence.file = where.file;
  return evidence;
}

/** Adds evidence to a list while it has room (building a quote costs more than the check that found it). */
export function keep(list: Evidence[], make: () => Evidence): void {
  if (list.length < EVIDENCE_PER_SIDE) list.push(make());
}

/** A dimension's result, with at most EVIDENCE_PER_SIDE lines on each side (first ones found). */
export function dimension(
  id: DimensionId,
  score: number,
  summary: string,
  evidence: { earned: Evidence[]; lost: Evidence[] },
): DimensionScore {
  return {
    id,
    score: round2(score),
    summary,
    evidence: [...evidence.lost.slice(0, EVIDENCE_PER_SIDE), ...evidence.earned.slice(0, EVIDENCE_PER_SIDE)],
  };
}

/** "3 of 12" style counts in summaries. */
export const share = (part: number, whole: number): string => `${part} of ${whole}`;

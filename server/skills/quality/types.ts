import type { BodyLine, BodyView } from "./body";

import { DIMENSION_IDS, DIMENSION_LABELS, type DimensionView, type EvidenceView } from "../../../contracts/validation";

/** The six content-quality dimensions, in the order reports list them (ids and labels live in the contract). */
export const DIMENSIONS = DIMENSION_IDS;
export { DIMENSION_LABELS };
export type DimensionId = (typeof DIMENSIONS)[number];

/** One line that earned (+) or lost (−) points, quoted so a reader can find it. */
export type Evidence = EvidenceView;

/** A dimension's 0–1 score (2 decimals), what was measured, and its evidence. */
export type DimensionScore = DimensionView;

/** What the model reads: a skill's SKILL.md (already split) and, for a folder, the other files. */
export interface QualityInput {
  name: string;
  description: string;
  body: string;
  bodyFirstLine: number;
  /** Every line of SKILL.md, frontmatter included. */
  skillMdLines: number;
  /** Text of the folder's other files keyed by path inside the folder (null = binary); null for pasted text. */
  files: ReadonlyMap<string, string | null> | null;
}

/** A markdown file the skill links to, read like the body (its lines count as instructions too). */
export interface LinkedDoc {
  file: string;
  view: BodyView;
}

/** Everything the dimensions share, computed once per assessment. */
export interface QualityContext {
  input: QualityInput;
  view: BodyView;
  /** Stems of the words of the name and description: what the request already said. */
  subject: Set<string>;
  /** False when the text is not mostly English: word-frequency signals are then left out. */
  english: boolean;
  linked: LinkedDoc[];
  /** Content lines of SKILL.md and of the linked docs, each with the file it is in. */
  instructions: { file: string; line: BodyLine }[];
  /** Lines of dialogue examples (see process.ts): examples of what to say, not instructions to the agent. */
  dialogue: Set<BodyLine>;
  /** Dialogue exchanges in SKILL.md and the linked docs, each as its lines. */
  exchanges: BodyLine[][];
  /** Concrete markers and new terms per text, computed once and shared by the dimensions. */
  facts: Map<string, { markers: string[]; terms: string[] }>;
}

export interface QualityAssessment {
  overall: number;
  dimensions: DimensionScore[];
  /** True when the text still has the offline engine's "[FILL IN …]" markers. */
  scaffold: boolean;
}

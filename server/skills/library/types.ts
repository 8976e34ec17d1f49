import type { JsonObject } from "../../../contracts/json";

/**
 * The library's records and the repository contract (docs/library.md). Business rules live in plain modules of
 * this folder; the Prisma implementation is server/skills/repositories/library-repository.ts, the only place that
 * talks to the database.
 */

export const VERSION_ORIGINS = ["job", "import", "edit", "improve"] as const;
export type VersionOrigin = (typeof VERSION_ORIGINS)[number];

/** One file of a skill folder, byte for byte, with its size and sha256 (hex). */
export interface SkillFileData {
  path: string;
  bytes: Uint8Array;
  size: number;
  sha256: string;
}

/** What the library shows about a skill, derived from its latest version's SKILL.md and metadata.json. */
export interface SkillFacts {
  path: string;
  name: string;
  description: string;
  category: string;
  tags: string[];
}

export interface SkillRecord extends SkillFacts {
  id: string;
  /** Number of the latest library version; 0 while the skill only has drafts. */
  headNumber: number;
  deletedAt: Date | null;
  deletedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionRecord {
  id: string;
  skillId: string;
  /** 1, 2, 3… for library versions; null for a draft's versions until promotion. */
  number: number | null;
  parentId: string | null;
  authorId: string;
  message: string;
  origin: VersionOrigin;
  jobId: string | null;
  name: string;
  description: string;
  /** The validator's report when the version was saved (findings and scores). */
  validation: JsonObject | null;
  createdAt: Date;
}

export interface DraftRecord {
  jobId: string;
  skillId: string;
  /** The library version the draft started from (0: a new skill). */
  baseNumber: number;
  headVersionId: string;
  /** 1 for the job's output, +1 per edit. */
  revision: number;
  promotedNumber: number | null;
  updatedAt: Date;
}

export interface NewVersion {
  authorId: string;
  message: string;
  origin: VersionOrigin;
  jobId: string | null;
  parentId: string | null;
  name: string;
  description: string;
  validation: JsonObject | null;
  files: SkillFileData[];
}

export interface SkillWithHead extends SkillRecord {
  head: VersionRecord | null;
}

export type PromoteOutcome =
  | { kind: "promoted"; skill: SkillRecord; version: VersionRecord }
  | { kind: "stale"; headNumber: number }
  | { kind: "already"; number: number };

export interface DraftWrite {
  jobId: string;
  facts: SkillFacts;
  baseNumber: number;
  /** The revision the edit was made on; null writes (or replaces) the job's output whatever is there. */
  expectedRevision: number | null;
  version: NewVersion;
}

export interface ImportBatch {
  skills: { facts: SkillFacts; version: NewVersion }[];
  drafts: { jobId: string; facts: SkillFacts; version: NewVersion }[];
}

export interface LibraryRepository {
  /** Skills that have at least one library version (deleted ones included), with their latest version. */
  listSkills(): Promise<SkillWithHead[]>;
  findSkill(path: string): Promise<SkillRecord | null>;
  findSkillById(id: string): Promise<SkillRecord | null>;
  /** The numbered versions of a skill, newest first. */
  listVersions(skillId: string): Promise<VersionRecord[]>;
  findVersion(skillId: string, number: number): Promise<VersionRecord | null>;
  findVersionById(id: string): Promise<VersionRecord | null>;
  readFiles(versionId: string): Promise<SkillFileData[]>;
  /**
   * Appends library version `baseNumber + 1` if the skill's head is still `baseNumber` (creating the skill at 0 when
   * the path is new); null when another save got there first. One conditional update decides, across servers.
   */
  appendVersion(facts: SkillFacts, baseNumber: number, version: NewVersion): Promise<VersionRecord | null>;
  setDeleted(skillId: string, deletedBy: string | null): Promise<void>;
  /** A version outside the numbered history (an uploaded skill an improve job starts from). */
  storeVersion(facts: SkillFacts, version: NewVersion): Promise<VersionRecord>;
  findDraft(jobId: string): Promise<DraftRecord | null>;
  /** The draft's next version if its revision is still the expected one; null when stale or already promoted. */
  writeDraft(input: DraftWrite): Promise<{ draft: DraftRecord; version: VersionRecord } | null>;
  /** Gives the draft's head the next library number if the head is still `expectedHead` and it was not promoted. */
  promoteDraft(jobId: string, expectedHead: number | "any"): Promise<PromoteOutcome>;
  /** Runs the batch once per `key` for the whole database (a marker row, in the batch's transaction). */
  importOnce(key: string, batch: () => Promise<ImportBatch>): Promise<boolean>;
}

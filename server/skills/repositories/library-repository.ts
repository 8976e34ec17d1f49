import type { PrismaClient } from "../../db/client";
import type { Prisma, Skill, SkillDraft, SkillVersion } from "../../db/generated/prisma/client";
import type { JsonObject } from "../../../contracts/json";
import type {
  DraftRecord,
  DraftWrite,
  ImportBatch,
  LibraryRepository,
  NewVersion,
  PromoteOutcome,
  SkillFacts,
  SkillFileData,
  SkillRecord,
  VersionRecord,
} from "../library/types";

/**
 * The library over Prisma (docs/library.md). Every decision between servers is made by the database: the skill's
 * `headNumber` moves only through `UPDATE … WHERE headNumber = base` and a draft's `revision` likewise, inside the
 * transaction that writes the version, so a stale save changes nothing; `(skillId, number)` is unique besides.
 */
type Tx = Prisma.TransactionClient;

/** Thrown inside a transaction to roll it back; never leaves this module. */
class Stale extends Error {}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function toSkill(row: Skill): SkillRecord {
  const tags = Array.isArray(row.tags) ? row.tags.filter((tag): tag is string => typeof tag === "string") : [];
  return { ...row, tags };
}

function toVersion(row: SkillVersion): VersionRecord {
  return { ...row, validation: isObject(row.validation) ? row.validation : null };
}

const toDraft = (row: SkillDraft): DraftRecord => row;

function prismaCode(error: unknown): string | undefined {
  return error instanceof Error ? ((error as { code?: unknown }).code as string | undefined) : undefined;
}

async function saveBlobs(tx: Tx, files: SkillFileData[]): Promise<void> {
  if (files.length === 0) return;
  // In sha256 order, so two saves sharing new contents take their row locks in the same order (no deadlock).
  const sorted = [...files].sort((a, b) => a.sha256.localeCompare(b.sha256));
  await tx.skillBlob.createMany({
    data: sorted.map((file) => ({ sha256: file.sha256, size: file.size, content: new Uint8Array(file.bytes) })),
    skipDuplicates: true,
  });
}

async function createVersion(tx: Tx, skillId: string, number: number | null, version: NewVersion) {
  await saveBlobs(tx, version.files);
  const { files, validation, ...fields } = version;
  const row = await tx.skillVersion.create({
    data: {
      ...fields,
      skillId,
      number,
      validation: validation ?? undefined,
      files: { create: files.map((file) => ({ path: file.path, sha256: file.sha256 })) },
    },
  });
  return toVersion(row);
}

/** The skill row for a path, created (with no library version yet) when the path is new. */
async function ensureSkill(tx: Tx | PrismaClient, facts: SkillFacts): Promise<Skill> {
  const existing = await tx.skill.findUnique({ where: { path: facts.path } });
  if (existing) return existing;
  return tx.skill.create({ data: { ...facts, tags: facts.tags } });
}

/**
 * The skill row's id, created on its own (outside the caller's transaction) when the path is new: two servers
 * creating it at once both get the one row, and what happens next is decided by the conditional updates.
 */
async function skillIdFor(prisma: PrismaClient, facts: SkillFacts): Promise<string> {
  try {
    return (await ensureSkill(prisma, facts)).id;
  } catch (error) {
    if (prismaCode(error) !== "P2002") throw error;
    return (await prisma.skill.findUniqueOrThrow({ where: { path: facts.path } })).id;
  }
}

async function append(tx: Tx, facts: SkillFacts, base: number, version: NewVersion): Promise<VersionRecord> {
  const skill = await ensureSkill(tx, facts);
  const moved = await tx.skill.updateMany({
    where: { id: skill.id, headNumber: base },
    data: { ...facts, tags: facts.tags, headNumber: base + 1, deletedAt: null, deletedBy: null },
  });
  if (moved.count === 0) throw new Stale();
  return createVersion(tx, skill.id, base + 1, version);
}

async function writeDraftIn(tx: Tx, input: DraftWrite): Promise<{ draft: DraftRecord; version: VersionRecord }> {
  const skill = await ensureSkill(tx, input.facts);
  const version = await createVersion(tx, skill.id, null, input.version);
  if (input.expectedRevision === null) {
    const draft = await tx.skillDraft.upsert({
      where: { jobId: input.jobId },
      create: { jobId: input.jobId, skillId: skill.id, baseNumber: input.baseNumber, headVersionId: version.id },
      update: { skillId: skill.id, headVersionId: version.id, revision: { increment: 1 } },
    });
    return { draft: toDraft(draft), version };
  }
  const moved = await tx.skillDraft.updateMany({
    where: { jobId: input.jobId, revision: input.expectedRevision, promotedNumber: null },
    data: { headVersionId: version.id, revision: input.expectedRevision + 1 },
  });
  if (moved.count === 0) throw new Stale();
  return { draft: toDraft(await tx.skillDraft.findUniqueOrThrow({ where: { jobId: input.jobId } })), version };
}

async function promoteIn(tx: Tx, jobId: string, expectedHead: number | "any"): Promise<PromoteOutcome> {
  const draft = await tx.skillDraft.findUniqueOrThrow({ where: { jobId } });
  if (draft.promotedNumber !== null) return { kind: "already", number: draft.promotedNumber };
  const skill = await tx.skill.findUniqueOrThrow({ where: { id: draft.skillId } });
  const head = expectedHead === "any" ? skill.headNumber : expectedHead;
  const version = await tx.skillVersion.findUniqueOrThrow({ where: { id: draft.headVersionId } });
  const moved = await tx.skill.updateMany({
    where: { id: skill.id, headNumber: head },
    data: { headNumber: head + 1, name: version.name, description: version.description, deletedAt: null },
  });
  if (moved.count === 0) return { kind: "stale", headNumber: skill.headNumber };
  const claimed = await tx.skillDraft.updateMany({
    where: { jobId, promotedNumber: null },
    data: { promotedNumber: head + 1 },
  });
  if (claimed.count === 0) throw new Stale();
  const numbered = await tx.skillVersion.update({ where: { id: version.id }, data: { number: head + 1 } });
  return {
    kind: "promoted",
    skill: toSkill(await tx.skill.findUniqueOrThrow({ where: { id: skill.id } })),
    version: toVersion(numbered),
  };
}

/** Runs `fn` in a transaction; a Stale (or a unique violation from a concurrent insert) becomes null. */
async function orStale<T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>): Promise<T | null> {
  try {
    return await prisma.$transaction(fn);
  } catch (error) {
    if (error instanceof Stale || prismaCode(error) === "P2002") return null;
    throw error;
  }
}

async function runImport(tx: Tx, key: string, batch: ImportBatch): Promise<void> {
  await tx.libraryMarker.create({ data: { key } });
  for (const skill of batch.skills) await append(tx, skill.facts, 0, skill.version);
  for (const draft of batch.drafts) await writeDraftIn(tx, { ...draft, baseNumber: 0, expectedRevision: null });
}

type Readers = Pick<
  LibraryRepository,
  | "listSkills"
  | "findSkill"
  | "findSkillById"
  | "listVersions"
  | "findVersion"
  | "findVersionById"
  | "readFiles"
  | "findDraft"
>;

async function listSkills(prisma: PrismaClient) {
  const rows = await prisma.skill.findMany({ where: { headNumber: { gt: 0 } }, orderBy: { path: "asc" } });
  const skills = rows.map(toSkill);
  const heads = skills.length
    ? await prisma.skillVersion.findMany({
        where: { OR: skills.map((s) => ({ skillId: s.id, number: s.headNumber })) },
      })
    : [];
  const byId = new Map(heads.map((row) => [row.skillId, toVersion(row)]));
  return skills.map((skill) => ({ ...skill, head: byId.get(skill.id) ?? null }));
}

async function readFiles(prisma: PrismaClient, versionId: string): Promise<SkillFileData[]> {
  const rows = await prisma.skillVersionFile.findMany({
    where: { versionId },
    include: { blob: true },
    orderBy: { path: "asc" },
  });
  return rows.map((row) => ({
    path: row.path,
    sha256: row.sha256,
    size: row.blob.size,
    bytes: new Uint8Array(row.blob.content),
  }));
}

const nullable =
  <R, T>(map: (row: R) => T) =>
  (row: R | null): T | null =>
    row && map(row);

function readers(prisma: PrismaClient): Readers {
  return {
    listSkills: () => listSkills(prisma),
    findSkill: async (path) => nullable(toSkill)(await prisma.skill.findUnique({ where: { path } })),
    findSkillById: async (id) => nullable(toSkill)(await prisma.skill.findUnique({ where: { id } })),
    listVersions: async (skillId) =>
      (
        await prisma.skillVersion.findMany({ where: { skillId, number: { not: null } }, orderBy: { number: "desc" } })
      ).map(toVersion),
    findVersion: async (skillId, number) =>
      nullable(toVersion)(await prisma.skillVersion.findUnique({ where: { skillId_number: { skillId, number } } })),
    findVersionById: async (id) => nullable(toVersion)(await prisma.skillVersion.findUnique({ where: { id } })),
    readFiles: (versionId) => readFiles(prisma, versionId),
    findDraft: async (jobId) => nullable(toDraft)(await prisma.skillDraft.findUnique({ where: { jobId } })),
  };
}

export function prismaLibraryRepository(prisma: PrismaClient): LibraryRepository {
  return {
    ...readers(prisma),
    async appendVersion(facts, base, version) {
      await skillIdFor(prisma, facts);
      return orStale(prisma, (tx) => append(tx, facts, base, version));
    },
    async setDeleted(skillId, deletedBy) {
      await prisma.skill.update({
        where: { id: skillId },
        data: deletedBy === null ? { deletedAt: null, deletedBy: null } : { deletedAt: new Date(), deletedBy },
      });
    },
    async storeVersion(facts, version) {
      const skillId = await skillIdFor(prisma, facts);
      return prisma.$transaction(async (tx) => createVersion(tx, skillId, null, version));
    },
    async writeDraft(input) {
      await skillIdFor(prisma, input.facts);
      return orStale(prisma, (tx) => writeDraftIn(tx, input));
    },
    async promoteDraft(jobId, expectedHead) {
      const outcome = await orStale(prisma, (tx) => promoteIn(tx, jobId, expectedHead));
      if (outcome) return outcome;
      const draft = await prisma.skillDraft.findUniqueOrThrow({ where: { jobId } });
      return { kind: "already", number: draft.promotedNumber ?? 0 };
    },
    async importOnce(key, batch) {
      if (await prisma.libraryMarker.findUnique({ where: { key } })) return false;
      const work = await batch();
      const done = await orStale(prisma, async (tx) => runImport(tx, key, work).then(() => true));
      return done ?? false;
    },
  };
}

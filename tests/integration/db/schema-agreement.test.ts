import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/db/client";
import { openTestDatabase } from "../../support/db";
import { readPrismaSchema, type SchemaField } from "../../support/prisma-schema";

/**
 * Fails when prisma/schema.prisma and the database built by prisma/migrations disagree: a column the client would
 * query is missing, has another type or nullability, an enum differs, a unique key is missing, or the database has
 * a column the schema does not know.
 */
interface Column {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
  character_maximum_length: number | null;
  datetime_precision: number | null;
}

const SCALAR_TO_PG: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

function expectedType(
  field: SchemaField,
  enums: Set<string>,
): { dataType: string; length?: number; precision?: number } {
  if (enums.has(field.type)) return { dataType: "USER-DEFINED" };
  if (field.unsupported) return { dataType: field.unsupported };
  const native = field.nativeType;
  const size = native ? Number(/\((\d+)\)/.exec(native)?.[1]) : NaN;
  if (native?.startsWith("VarChar")) return { dataType: "character varying", length: size };
  if (native === "Uuid") return { dataType: "uuid" };
  if (native?.startsWith("Timestamptz"))
    return { dataType: "timestamp with time zone", precision: Number.isNaN(size) ? 6 : size };
  return { dataType: SCALAR_TO_PG[field.type] ?? `unknown scalar ${field.type}` };
}

describe("Prisma schema vs migrated database", () => {
  let db: Database;
  let columns: Column[];
  const schema = readPrismaSchema();
  const enumNames = new Set(schema.enums.keys());

  beforeAll(async () => {
    db = await openTestDatabase();
    columns = await db.prisma.$queryRaw<Column[]>`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length, datetime_precision
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_app_migrations'`;
  });
  afterAll(async () => db.close());

  it("reads a non-trivial schema (guards the reader itself)", () => {
    expect(schema.models.map((m) => m.name).sort()).toEqual([
      "Account",
      "ApiToken",
      "Checkpoint",
      "EvalDescriptionDecision",
      "EvalFeedback",
      "Job",
      "JobEvent",
      "JobStep",
      "LibraryMarker",
      "Session",
      "Skill",
      "SkillBlob",
      "SkillDraft",
      "SkillVersion",
      "SkillVersionFile",
      "User",
      "Verification",
    ]);
    expect(schema.models.find((m) => m.name === "User")).toMatchObject({
      table: "auth_user",
      uniques: [["email"], ["username"]],
    });
    expect(schema.models.find((m) => m.name === "Job")?.fields.length).toBeGreaterThan(20);
  });

  for (const model of schema.models) {
    it(`table "${model.name}" has every column of the model, with its type and nullability`, () => {
      for (const field of model.fields.filter((f) => !f.relation)) {
        const column = columns.find((c) => c.table_name === model.table && c.column_name === field.name);
        expect(column, `${model.name}.${field.name} is missing in the database`).toBeDefined();
        const expected = expectedType(field, enumNames);
        expect(column?.data_type, `${model.name}.${field.name} type`).toBe(expected.dataType);
        if (enumNames.has(field.type)) expect(column?.udt_name).toBe(field.type);
        if (expected.length)
          expect(column?.character_maximum_length, `${model.name}.${field.name} length`).toBe(expected.length);
        if (expected.precision)
          expect(column?.datetime_precision, `${model.name}.${field.name} precision`).toBe(expected.precision);
        expect(column?.is_nullable, `${model.name}.${field.name} nullability`).toBe(field.optional ? "YES" : "NO");
      }
    });
  }

  it("has no column that the schema does not declare", () => {
    const declared = new Set(
      schema.models.flatMap((m) => m.fields.filter((f) => !f.relation).map((f) => `${m.table}.${f.name}`)),
    );
    const extra = columns.map((c) => `${c.table_name}.${c.column_name}`).filter((name) => !declared.has(name));
    expect(extra).toEqual([]);
  });

  it("has the same enum values as the schema", async () => {
    const rows = await db.prisma.$queryRaw<{ typname: string; enumlabel: string }[]>`
      SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder`;
    for (const [name, values] of schema.enums) {
      expect(
        rows.filter((r) => r.typname === name).map((r) => r.enumlabel),
        `enum ${name}`,
      ).toEqual(values);
    }
  });

  it("has a unique index for every @@id and @@unique", async () => {
    const indexes = await db.prisma.$queryRaw<{ tablename: string; indexdef: string }[]>`
      SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'`;
    for (const model of schema.models) {
      for (const unique of model.uniques) {
        // pg_indexes quotes only identifiers that need it ("jobId" but seq), so compare without quotes.
        const columnsList = `(${unique.join(", ")})`;
        const found = indexes.some(
          (i) =>
            i.tablename === model.table &&
            /UNIQUE/.test(i.indexdef) &&
            i.indexdef.replaceAll('"', "").includes(columnsList),
        );
        expect(found, `${model.name} unique (${unique.join(", ")})`).toBe(true);
      }
    }
  });

  it("round-trips every model through the generated client", async () => {
    const job = await db.prisma.job.create({
      data: { task: "Round-trip check", engine: "offline", options: { a: 1 } },
    });
    await db.prisma.jobStep.create({
      data: { jobId: job.id, key: "p#1/s", status: "completed", output: { ok: true } },
    });
    await db.prisma.checkpoint.create({
      data: { jobId: job.id, key: "p#1/c", type: "clarify", prompt: {}, deadline: new Date() },
    });
    await db.prisma.jobEvent.create({ data: { jobId: job.id, seq: 1, type: "progress" } });
    await db.prisma.evalFeedback.create({
      data: { jobId: job.id, caseId: "1", side: "with", run: 1, userId: "u", rating: "good", note: "ok" },
    });
    await db.prisma.evalDescriptionDecision.create({
      data: { jobId: job.id, decision: "reject", description: "d", decidedBy: "u" },
    });
    const loaded = await db.prisma.job.findUniqueOrThrow({
      where: { id: job.id },
      include: { steps: true, checkpoints: true, events: true, evalFeedback: true, descriptionDecision: true },
    });
    expect(loaded.options).toEqual({ a: 1 });
    expect([loaded.steps.length, loaded.checkpoints.length, loaded.events.length]).toEqual([1, 1, 1]);
    expect(loaded.evalFeedback).toMatchObject([{ caseId: "1", side: "with", run: 1, rating: "good", note: "ok" }]);
    expect(loaded.descriptionDecision).toMatchObject({ decision: "reject", versionId: null, versionNumber: null });
  });

  it("round-trips the library's models, bytes included", async () => {
    const bytes = new Uint8Array([0, 255, 1, 254, 10, 13]);
    const sha256 = "a".repeat(64);
    await db.prisma.skillBlob.create({ data: { sha256, size: bytes.byteLength, content: bytes } });
    const skill = await db.prisma.skill.create({ data: { path: "round/trip", name: "trip", tags: ["x"] } });
    const version = await db.prisma.skillVersion.create({
      data: {
        skillId: skill.id,
        number: 1,
        authorId: "u",
        origin: "import",
        name: "trip",
        files: { create: { path: "assets/a.bin", sha256 } },
      },
    });
    await db.prisma.skillDraft.create({ data: { jobId: skill.id, skillId: skill.id, headVersionId: version.id } });
    await db.prisma.libraryMarker.create({ data: { key: "round-trip" } });
    const loaded = await db.prisma.skillVersion.findUniqueOrThrow({
      where: { id: version.id },
      include: { files: { include: { blob: true } }, skill: true },
    });
    expect([...(loaded.files[0]?.blob.content ?? [])]).toEqual([...bytes]);
    expect(loaded.skill.tags).toEqual(["x"]);
  });
});

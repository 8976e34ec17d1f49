import { Prisma } from "../../db/generated/prisma/client";
import type { Json, JsonObject } from "../types";

/** Conversions between Prisma's JSON types and ours, in one place. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asJsonObject(value: unknown): JsonObject {
  return isPlainObject(value) ? (value as JsonObject) : {};
}

export function asNullableJsonObject(value: unknown): JsonObject | null {
  return isPlainObject(value) ? (value as JsonObject) : null;
}

export function asJson(value: unknown): Json | null {
  return value === undefined ? null : (value as Json);
}

/** A JSON column value for Prisma: SQL NULL for null, the value otherwise. */
export function toDbJson(value: Json | null | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull | undefined {
  if (value === undefined) return undefined;
  if (value === null) return Prisma.DbNull;
  return value as Prisma.InputJsonValue;
}

export function toInputJson(value: Json | JsonObject): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

/** Prisma error code (P2002 unique violation, P2025 no row); adapters differ in `meta`, so only the code counts. */
export function prismaCode(error: unknown): string | undefined {
  return isPlainObject(error) || error instanceof Error
    ? ((error as { code?: unknown }).code as string | undefined)
    : undefined;
}

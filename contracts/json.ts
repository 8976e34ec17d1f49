/**
 * Plain JSON data as stored in JSON columns and sent over the wire. `toJson` makes a value's JSON nature explicit
 * for the type system (and drops `undefined` fields, as storage would): step outputs, results, answers.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function toJson<T>(value: T): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

export function toJsonObject(value: object): JsonObject {
  return toJson(value) as JsonObject;
}

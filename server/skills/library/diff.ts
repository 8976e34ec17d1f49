import { createTwoFilesPatch, structuredPatch } from "diff";
import { textOf } from "./files";
import type { SkillFileData } from "./types";

/**
 * What changed between two file sets (two versions, or a base and what a stale save found meanwhile): one entry per
 * changed file, with a unified patch for text files (jsdiff) and only the sizes for binary ones.
 */
export interface FileChange {
  path: string;
  status: "added" | "removed" | "modified";
  binary: boolean;
  additions: number;
  deletions: number;
  /** Unified diff text ("" for binary files). */
  patch: string;
  beforeSize: number | null;
  afterSize: number | null;
}

type Side = { bytes: Uint8Array; size: number; sha256: string } | undefined;

function statusOf(before: Side, after: Side): FileChange["status"] {
  if (!before) return "added";
  return after ? "modified" : "removed";
}

function changeOf(path: string, before: Side, after: Side): FileChange {
  const beforeText = before ? textOf(before) : "";
  const afterText = after ? textOf(after) : "";
  const base = {
    path,
    status: statusOf(before, after),
    beforeSize: before?.size ?? null,
    afterSize: after?.size ?? null,
  };
  if (beforeText === null || afterText === null)
    return { ...base, binary: true, additions: 0, deletions: 0, patch: "" };
  const hunks = structuredPatch(path, path, beforeText, afterText, "", "", { context: 3 }).hunks;
  const lines = hunks.flatMap((hunk) => hunk.lines);
  return {
    ...base,
    binary: false,
    additions: lines.filter((line) => line.startsWith("+")).length,
    deletions: lines.filter((line) => line.startsWith("-")).length,
    patch: createTwoFilesPatch(`a/${path}`, `b/${path}`, beforeText, afterText, "", "", { context: 3 }),
  };
}

export function diffFileSets(before: SkillFileData[], after: SkillFileData[]): FileChange[] {
  const left = new Map(before.map((file) => [file.path, file]));
  const right = new Map(after.map((file) => [file.path, file]));
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths
    .filter((path) => left.get(path)?.sha256 !== right.get(path)?.sha256)
    .map((path) => changeOf(path, left.get(path), right.get(path)));
}

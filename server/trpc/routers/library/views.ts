import type { z } from "zod";
import type { SkillSnapshot, SkillWithHead, VersionRecord } from "../../../skills/library/index";
import { textOf } from "../../../skills/library/files";
import { validateVersionFiles } from "../../../skills/library/versions";
import { fileViews } from "../../../workflows/skill/skill-jobs";
import type { detailOutput, listedSkillSchema, versionSchema } from "./schemas";

/** Library records → wire shapes. A version's stored report is read leniently (its shape may have grown since). */

function storedReport(version: VersionRecord): {
  passed: boolean | null;
  score: number | null;
  findings: number | null;
} {
  const report = version.validation ?? {};
  const scores = report.scores;
  const overall = scores && typeof scores === "object" && !Array.isArray(scores) ? scores.overall : null;
  return {
    passed: typeof report.passed === "boolean" ? report.passed : null,
    score: typeof overall === "number" ? overall : null,
    findings: Array.isArray(report.findings) ? report.findings.length : null,
  };
}

export function versionView(version: VersionRecord): z.infer<typeof versionSchema> {
  const { id, number, parentId, authorId, message, origin, jobId, createdAt } = version;
  const { passed, score, findings } = storedReport(version);
  return { id, number, parentId, authorId, message, origin, jobId, createdAt, passed, score, findingCount: findings };
}

export function listedView(skill: SkillWithHead): z.infer<typeof listedSkillSchema> {
  const { path, name, description, tags, category, deletedAt, deletedBy, head } = skill;
  return { path, name, description, tags, category, deletedAt, deletedBy, latest: head && versionView(head) };
}

function metadataOf(snapshot: SkillSnapshot): Record<string, unknown> | null {
  const file = snapshot.files.find((candidate) => candidate.path === "metadata.json");
  try {
    const value: unknown = JSON.parse((file && textOf(file)) ?? "null");
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function detailView(snapshot: SkillSnapshot): z.infer<typeof detailOutput> {
  const { skill, version, files } = snapshot;
  const skillMd = files.find((file) => file.path === "SKILL.md");
  return {
    ...listedView({ ...skill, head: null }),
    name: version.name,
    description: version.description,
    latest: null,
    version: versionView(version),
    headVersion: skill.headNumber,
    content: (skillMd && textOf(skillMd)) ?? "",
    files: fileViews(files),
    metadata: metadataOf(snapshot),
    validation: validateVersionFiles(skill.path, files),
  };
}

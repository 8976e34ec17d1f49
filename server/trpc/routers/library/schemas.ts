import { RISK_LEVELS, securityFindingSchema, securityReportSchema } from "../../../../contracts/security-report";
import { z } from "zod";
import { cleanString } from "../../../../contracts/text";
import { findingSchema, validationReportSchema } from "../skills/schemas";

/** Wire shapes of the library area (docs/library.md). */

const MAX_FILES = 2_000;
const MAX_TEXT_CHARS = 4_000_000;
const MAX_BASE64_CHARS = 12_000_000;
/** A version's message ("what changed and why"). */
export const messageSchema = cleanString().trim().max(2_000, "message must be at most 2,000 characters").default("");

const FILE_PATH = cleanString()
  .min(1, "a file path must not be empty")
  .max(512, "a file path must be at most 512 characters");

export const skillPathInput = z.strictObject({
  path: cleanString().min(1, "path must not be empty").max(400, "path must be at most 400 characters"),
});
const versionNumber = z.number().int().min(1);
const versionId = z.uuid();

/** A file of an edit: new text, new bytes, or a file of the base version kept (under the same or a new path). */
export const fileInputSchema = z.union([
  z.strictObject({ path: FILE_PATH, text: cleanString().max(MAX_TEXT_CHARS) }),
  z.strictObject({ path: FILE_PATH, base64: z.base64().max(MAX_BASE64_CHARS) }),
  z.strictObject({ path: FILE_PATH, from: FILE_PATH }),
]);
export const fileInputsSchema = z.array(fileInputSchema).min(1).max(MAX_FILES);

export const fileViewSchema = z.object({
  path: z.string(),
  /** The text ("" for a binary file, which the editor shows by size only). */
  content: z.string(),
  size: z.number().int(),
  binary: z.boolean(),
});

export const versionSchema = z.object({
  id: z.string(),
  number: z.number().int().nullable(),
  parentId: z.string().nullable(),
  authorId: z.string(),
  message: z.string(),
  origin: z.enum(["job", "import", "edit", "improve"]),
  jobId: z.string().nullable(),
  createdAt: z.date(),
  passed: z.boolean().nullable(),
  score: z.number().nullable(),
  findingCount: z.number().int().nullable(),
});

export const libraryEntrySchema = z.object({
  path: z.string(),
  name: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
});

export const listedSkillSchema = libraryEntrySchema.extend({
  category: z.string(),
  deletedAt: z.date().nullable(),
  deletedBy: z.string().nullable(),
  latest: versionSchema.nullable(),
});

/** A version's risk for a badge: the level and whether every file was read. */
export const riskSummarySchema = z.object({ risk: z.enum(RISK_LEVELS), analysed: z.boolean() });

/** A list entry with its latest version's risk (null for a skill without a version). */
export const listedWithRiskSchema = listedSkillSchema.extend({ security: riskSummarySchema.nullable() });

/** A version of the history with its scan and, when it raised the risk of the version before it, how. */
export const versionWithRiskSchema = versionSchema.extend({
  security: securityReportSchema,
  riskRaised: z
    .object({ from: z.enum(RISK_LEVELS), to: z.enum(RISK_LEVELS), newFindings: z.array(securityFindingSchema) })
    .nullable(),
});

export interface TreeNodeOutput {
  name: string;
  path: string;
  skill: { name: string; description: string } | null;
  children: TreeNodeOutput[];
}

export const treeNodeSchema: z.ZodType<TreeNodeOutput> = z.object({
  name: z.string(),
  path: z.string(),
  skill: z.object({ name: z.string(), description: z.string() }).nullable(),
  get children() {
    return z.array(treeNodeSchema);
  },
});

export const searchInput = z.strictObject({ q: cleanString().max(200, "q must be at most 200 characters") });
export const listInput = z.strictObject({
  q: cleanString().max(200, "q must be at most 200 characters").optional(),
  category: cleanString().max(400, "category must be at most 400 characters").optional(),
  tag: cleanString().max(100, "tag must be at most 100 characters").optional(),
  deleted: z.boolean().default(false),
});
export const getInput = skillPathInput.extend({ version: versionNumber.optional() });
export const diffInput = z.strictObject({ from: versionId, to: versionId });
export const saveInput = skillPathInput.extend({
  baseVersion: versionNumber,
  files: fileInputsSchema,
  message: messageSchema,
});
export const restoreInput = skillPathInput.extend({ version: versionNumber, baseVersion: versionNumber });
export const importInput = z.union([
  z.strictObject({
    zipBase64: z.base64().max(MAX_BASE64_CHARS),
    path: cleanString().max(400, "path must be at most 400 characters").optional(),
    message: messageSchema,
  }),
  z.strictObject({ files: fileInputsSchema, path: skillPathInput.shape.path, message: messageSchema }),
]);

export const treeOutput = z.object({ nodes: z.array(treeNodeSchema) });
export const searchOutput = z.object({ items: z.array(libraryEntrySchema) });
export const listOutput = z.object({
  items: z.array(listedWithRiskSchema),
  categories: z.array(z.string()),
  tags: z.array(z.string()),
});
export const xmlOutput = z.object({ xml: z.string() });
export const versionsOutput = z.object({ items: z.array(versionWithRiskSchema) });
/** A saved version, with the security scan of exactly its files (docs/security-scan.md, "Gates"). */
export const savedOutput = z.object({ path: z.string(), version: versionSchema, security: securityReportSchema });
export const okOutput = z.object({ ok: z.literal(true) });

export const fileChangeSchema = z.object({
  path: z.string(),
  status: z.enum(["added", "removed", "modified"]),
  binary: z.boolean(),
  additions: z.number().int(),
  deletions: z.number().int(),
  patch: z.string(),
  beforeSize: z.number().int().nullable(),
  afterSize: z.number().int().nullable(),
});
export const diffOutput = z.object({ changes: z.array(fileChangeSchema) });

export const detailOutput = listedSkillSchema.extend({
  version: versionSchema,
  headVersion: z.number().int(),
  /** The SKILL.md text of this version. */
  content: z.string(),
  files: z.array(fileViewSchema),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  /** The whole folder validated (references, sizes, names), not just its SKILL.md. */
  validation: validationReportSchema,
});

export { findingSchema };

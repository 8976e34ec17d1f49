import { z } from "zod";
import { cleanString } from "../../../../contracts/text";
import { validationReportSchema } from "../skills/schemas";

/** Wire shapes of the library area. */

export const libraryEntrySchema = z.object({
  path: z.string(),
  name: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
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

export const skillPathInput = z.strictObject({
  path: cleanString().min(1, "path must not be empty").max(400, "path must be at most 400 characters"),
});

export const searchInput = z.strictObject({ q: cleanString().max(200, "q must be at most 200 characters") });

export const treeOutput = z.object({ nodes: z.array(treeNodeSchema) });
export const searchOutput = z.object({ items: z.array(libraryEntrySchema) });
export const xmlOutput = z.object({ xml: z.string() });

export const detailOutput = libraryEntrySchema.extend({
  content: z.string(),
  files: z.array(z.string()),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  /** The whole folder validated (references, sizes, names), not just its SKILL.md. */
  validation: validationReportSchema,
});

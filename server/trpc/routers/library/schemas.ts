import { z } from "zod";

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

export const skillPathInput = z.object({ path: z.string().min(1).max(400) });

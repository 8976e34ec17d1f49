import { z } from "zod";
import type { Finding } from "./types";

/** A finding as it travels (API, stored job results): the same shape as the validator's `Finding`. */
export const findingSchema = z.object({
  ruleId: z.string(),
  tier: z.enum(["spec", "portability", "quality"]),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  path: z.string(),
  line: z.number().int().positive().optional(),
}) satisfies z.ZodType<Finding>;

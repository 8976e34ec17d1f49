import { z } from "zod";
import { jsonObject } from "../jobs/schemas";

/** Wire shapes of the hitl area: an answer to a checkpoint, matched by its id (never by position). */
export const answerInput = z.object({
  jobId: z.uuid({ message: "jobId must be a UUID" }),
  checkpointId: z.uuid({ message: "checkpointId must be a UUID" }),
  response: jsonObject,
});

export const answerOutput = z.object({ status: z.enum(["accepted", "duplicate"]) });

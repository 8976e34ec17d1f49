import { z } from "zod";
import { cleanJsonObject } from "../../../../contracts/text";

/** Wire shapes of the hitl area: an answer to a checkpoint, matched by its id (never by position). */
export const answerInput = z.strictObject({
  jobId: z.uuid({ message: "jobId must be a UUID" }),
  checkpointId: z.uuid({ message: "checkpointId must be a UUID" }),
  response: cleanJsonObject,
});

export const answerOutput = z.object({ status: z.enum(["accepted", "duplicate"]) });

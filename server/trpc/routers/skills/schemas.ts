/** Output shapes of the skill artifact, shared by skills.validate and any procedure that returns a report. */
export { findingSchema, validationReportSchema } from "../../../../contracts/validation";

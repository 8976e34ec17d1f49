export { startProviderStub } from "./server";
export { instanceFromSchema } from "./schema-instance";
export { PROSE_AFTER, PROSE_BEFORE, wrongTypes } from "./reply";
export {
  MODES,
  type AnswerCall,
  type AnswerFn,
  type Mode,
  type ModeCall,
  type ModeChooser,
  type Protocol,
  type ProviderStub,
  type ProviderStubOptions,
  type RecordedRequest,
  type SchemaSource,
} from "./types";

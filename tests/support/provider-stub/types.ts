/** The wire protocols the stub speaks, one per AI SDK provider family. */
export type Protocol = "openai-chat" | "openai-responses" | "anthropic-messages";

/** How the stub answers one request: a good reply, a malformed one, or a transport-level fault. */
export type Mode =
  | "good"
  | "fenced"
  | "prose"
  | "wrong-types"
  | "truncated"
  | "empty"
  | "rate-limited"
  | "server-error"
  | "slow"
  | "hang"
  | "strict-400"
  | "no-usage";

export const MODES: readonly Mode[] = [
  "good",
  "fenced",
  "prose",
  "wrong-types",
  "truncated",
  "empty",
  "rate-limited",
  "server-error",
  "slow",
  "hang",
  "strict-400",
  "no-usage",
];

export type JsonObject = Record<string, unknown>;

/** What a mode function is told about a request before it decides how to answer. */
export interface ModeCall {
  protocol: Protocol;
  /** The `x-skill-fleet-step` header, when the request carried one. */
  step: string | undefined;
  /** 0-based position of the request among all the stub's requests. */
  index: number;
  /** 0-based position among the requests of the same step (requests without a step share one counter). */
  stepIndex: number;
  body: JsonObject;
}

/** What an answer function is told: enough to produce the JSON value a good model would reply with. */
export interface AnswerCall {
  protocol: Protocol;
  step: string | undefined;
  /** The JSON schema the request carried (response_format, text.format, output_config or the `json` tool). */
  schema: JsonObject | undefined;
  messages: unknown;
}

export type ModeChooser = (call: ModeCall) => Mode;
export type AnswerFn = (call: AnswerCall) => unknown;

/** Where a request put its JSON schema: tells a test which structured-output mechanism the SDK chose. */
export type SchemaSource = "response_format" | "text.format" | "output_config" | "json_tool";

export interface RecordedRequest {
  protocol: Protocol | "unknown";
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: JsonObject;
  mode: Mode;
  /** The body's `model` (undefined for a path the stub does not serve). */
  model: string | undefined;
  step: string | undefined;
  /** As the mode function saw them (-1 for a path the stub does not serve). */
  index: number;
  stepIndex: number;
  /** Date.now() when the request's body had been read. */
  time: number;
  stream: boolean;
  /** Chat Completions only: whether `stream_options.include_usage` was true. */
  includeUsage: boolean;
  schema: JsonObject | undefined;
  schemaSource: SchemaSource | undefined;
  /** Whether the schema was sent with `strict: true` (OpenAI protocols only). */
  strict: boolean;
}

export interface ProviderStubOptions {
  /** Port to listen on (default 0: any free port). */
  port?: number;
  /** Initial mode (default "good"). */
  mode?: Mode | ModeChooser;
  answer?: AnswerFn;
  /** Seconds sent in `Retry-After` by the rate-limited mode (default 1). */
  retryAfterSeconds?: number;
  /** Delay of the slow mode before its good reply, in ms (default 200). */
  slowMs?: number;
  /**
   * Problems a strict OpenAI server would find in a schema (empty: valid). The strict-400 mode refuses a strict
   * request only when this returns problems; without it, every strict request is refused (a server whose strict
   * subset our schemas miss), with a generic problem.
   */
  strictCheck?: (schema: JsonObject) => string[];
  /** Characters per streamed delta (default 12): small enough that every reply streams in several chunks. */
  chunkSize?: number;
}

export interface ProviderStub {
  /** Base URL without a path, e.g. http://127.0.0.1:41234 (the SDKs want `${url}/v1`). */
  url: string;
  requests: RecordedRequest[];
  setMode(mode: Mode | ModeChooser): void;
  setAnswer(answer: AnswerFn | undefined): void;
  /** Forgets the requests and the counters, and goes back to the options' mode and answer (between tests). */
  reset(): void;
  /** Ends every open request (hung ones included) and stops listening. */
  close(): Promise<void>;
}

/** Token counts the stub reports; absent for the no-usage mode. */
export interface StubUsage {
  input: number;
  output: number;
}

/** A reply before it is put in a protocol's wire format. */
export interface Reply {
  text: string;
  /** The parsed value when `text` is exactly its JSON (lets Anthropic's `json` tool carry it as `input`). */
  value: unknown;
  finish: "stop" | "length";
  usage: StubUsage | undefined;
}

/** A request as a protocol adapter reads it. */
export interface ParsedRequest {
  stream: boolean;
  includeUsage: boolean;
  schema: JsonObject | undefined;
  schemaSource: SchemaSource | undefined;
  /** The schema's name (OpenAI protocols), quoted in the strict-400 message. */
  schemaName: string | undefined;
  strict: boolean;
  messages: unknown;
  model: string;
}

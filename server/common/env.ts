import { z } from "zod";
import { DEFAULT_MAX_BATCH } from "../../contracts/limits";
import { accessModeProblem, isSharedMode } from "./access-mode";

/**
 * Every setting the server reads, validated once at start-up (create-t3-app style). Unknown values are
 * rejected with a message naming the variable, so a typo fails at boot instead of in the middle of a job.
 */

const PROVIDERS = ["openai", "anthropic", "google", "openai-compatible", "scripted"] as const;

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be one of true, false, 1, 0, yes, no" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

const positiveInt = (max: number) =>
  z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(max, `must be at most ${max}`);

const modelSpec = z
  .string()
  .regex(/^[a-z-]+:.+$/, "must look like provider:model, e.g. openai:gpt-4.1-mini")
  .refine((spec) => (PROVIDERS as readonly string[]).includes(spec.split(":")[0] ?? ""), {
    message: `provider must be one of ${PROVIDERS.join(", ")}`,
  });

const databaseUrl = z.string().refine((url) => /^(postgres|postgresql):\/\//.test(url) || url.startsWith("pglite:"), {
  message: "must be postgresql://… (a PostgreSQL server) or pglite:<folder> / pglite:memory (embedded)",
});

const httpUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL, e.g. https://gateway.example.com/v1" });

const headersJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({
        code: "custom",
        message: 'must be a JSON object of header names to values, e.g. {"X-Team":"docs"}',
      });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().regex(/^[A-Za-z0-9-]+$/, "header names are letters, digits and -"), z.string()));

const secret = z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)");

/** Sign-in, API tokens and abuse limits (docs/security.md). */
const securitySettings = {
  /** The address `npm run app` binds; anything but loopback means the app is shared and needs sign-in. */
  HOST: z.string().optional(),
  /** true: shared mode (sign-in) even on loopback; false: refuse to start when HOST is not loopback. */
  SKILL_FLEET_AUTH: booleanFlag.optional(),
  SKILL_FLEET_AUTH_SECRET: secret.optional(),
  /** The URL people open (https://skills.example.com): sign-in callbacks and the allowed Origin. */
  SKILL_FLEET_PUBLIC_URL: z.url({ message: "must be a URL, e.g. https://skills.example.com" }).optional(),
  SKILL_FLEET_GITHUB_CLIENT_ID: z.string().optional(),
  SKILL_FLEET_GITHUB_CLIENT_SECRET: z.string().optional(),
  /** Any OpenID Connect provider by its issuer (its /.well-known/openid-configuration is read). */
  SKILL_FLEET_OIDC_ISSUER: z.url({ message: "must be the issuer URL" }).optional(),
  SKILL_FLEET_OIDC_CLIENT_ID: z.string().optional(),
  SKILL_FLEET_OIDC_CLIENT_SECRET: z.string().optional(),
  /** Shared mode: a bearer token Prometheus may scrape /metrics with (besides any user's API token). */
  SKILL_FLEET_METRICS_TOKEN: secret.optional(),
  /** tRPC calls one HTTP request may carry (a batch); more is refused before any runs. */
  SKILL_FLEET_MAX_BATCH: positiveInt(1_000).default(DEFAULT_MAX_BATCH),
  /** The largest request body read (bytes); larger bodies are refused before parsing. */
  SKILL_FLEET_MAX_BODY_BYTES: positiveInt(256 * 1024 * 1024).default(16 * 1024 * 1024),
  /** Per-user limits per minute: skill jobs created, and validations run. */
  SKILL_FLEET_RATE_JOBS_PER_MINUTE: positiveInt(100_000).default(30),
  SKILL_FLEET_RATE_VALIDATIONS_PER_MINUTE: positiveInt(100_000).default(120),
};

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: databaseUrl.default("pglite:./data/pglite"),
    DATABASE_POOL_SIZE: positiveInt(100).default(10),
    DATABASE_CONNECT_TIMEOUT_MS: positiveInt(600_000).default(10_000),
    SKILL_FLEET_AUTO_MIGRATE: booleanFlag.default(true),
    SKILL_FLEET_SKILLS_ROOT: z.string().min(1, "must not be empty").default("./skills"),
    SKILL_FLEET_MODEL: modelSpec.optional(),
    SKILL_FLEET_LLM_BASE_URL: z.url({ message: "must be a URL, e.g. http://127.0.0.1:11434/v1" }).optional(),
    /**
     * Per-step model overrides (docs/architecture.md, Models): SKILL_FLEET_MODEL_<STEP>, same provider:model form as
     * SKILL_FLEET_MODEL.
     */
    SKILL_FLEET_MODEL_GATHER_REQUIREMENTS: modelSpec.optional(),
    SKILL_FLEET_MODEL_VALIDATE_STRUCTURE: modelSpec.optional(),
    SKILL_FLEET_MODEL_GENERATE_CLARIFYING_QUESTIONS: modelSpec.optional(),
    SKILL_FLEET_MODEL_ANALYZE_INTENT: modelSpec.optional(),
    SKILL_FLEET_MODEL_FIND_TAXONOMY_PATH: modelSpec.optional(),
    SKILL_FLEET_MODEL_ANALYZE_DEPENDENCIES: modelSpec.optional(),
    SKILL_FLEET_MODEL_SYNTHESIZE_PLAN: modelSpec.optional(),
    SKILL_FLEET_MODEL_GENERATE_CONTENT: modelSpec.optional(),
    SKILL_FLEET_MODEL_REFINE_CONTENT: modelSpec.optional(),
    SKILL_FLEET_MODEL_INCORPORATE_FEEDBACK: modelSpec.optional(),
    SKILL_FLEET_MODEL_GENERATE_TEST_CASES: modelSpec.optional(),
    SKILL_FLEET_MODEL_ASSESS_QUALITY: modelSpec.optional(),
    SKILL_FLEET_MODEL_REFINE_SKILL: modelSpec.optional(),
    SKILL_FLEET_MODEL_ANSWER_EVAL_CASE: modelSpec.optional(),
    SKILL_FLEET_MODEL_JUDGE_EVAL_ANSWER: modelSpec.optional(),
    SKILL_FLEET_MODEL_CHOOSE_SKILL: modelSpec.optional(),
    SKILL_FLEET_MODEL_PROPOSE_DESCRIPTION: modelSpec.optional(),
    SKILL_FLEET_MODEL_JUDGE_SECURITY: modelSpec.optional(),
    /** Provider keys, from each provider's usual variable; a chosen provider without its key fails at start-up. */
    OPENAI_API_KEY: z.string().optional(),
    ANTHROPIC_API_KEY: z.string().optional(),
    GOOGLE_GENERATIVE_AI_API_KEY: z.string().optional(),
    /** Optional key for an openai-compatible server (Ollama and llama.cpp need none). */
    SKILL_FLEET_LLM_API_KEY: z.string().optional(),
    SKILL_FLEET_LLM_TIMEOUT_MS: positiveInt(3_600_000).default(120_000),
    /** A request slower than the timeout is tried again this many times (a cold model's first reply is often slow). */
    SKILL_FLEET_LLM_TIMEOUT_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
    /**
     * Output budget per request (unset: the provider's default). A reply cut at the budget (finish reason `length`)
     * is asked again once with twice the budget.
     */
    SKILL_FLEET_LLM_MAX_OUTPUT_TOKENS: positiveInt(1_000_000).optional(),
    /** Base URLs for proxies, gateways and compatible servers (docs/models.md): each provider's API root. */
    SKILL_FLEET_OPENAI_BASE_URL: httpUrl.optional(),
    SKILL_FLEET_ANTHROPIC_BASE_URL: httpUrl.optional(),
    SKILL_FLEET_GOOGLE_BASE_URL: httpUrl.optional(),
    /** Extra HTTP headers sent to every provider, as a JSON object: {"OpenAI-Organization":"org-…"}. */
    SKILL_FLEET_LLM_HEADERS: headersJson.optional(),
    SKILL_FLEET_ALLOW_LLM_FALLBACK: booleanFlag.default(true),
    SKILL_FLEET_MAX_CONCURRENT_JOBS: positiveInt(64).default(4),
    /** false = this server only serves the API; jobs run on servers (workers) sharing its database. */
    SKILL_FLEET_RUN_JOBS: booleanFlag.default(true),
    SKILL_FLEET_LEASE_MS: positiveInt(3_600_000).default(30_000),
    SKILL_FLEET_CHECKPOINT_TIMEOUT_HOURS: z.coerce
      .number({ message: "must be a number" })
      .positive("must be positive")
      .default(24),
    SKILL_FLEET_MAX_CLARIFY_ROUNDS: positiveInt(10).default(3),
    /**
     * Caps per eval job (docs/evals.md, Honest accounting): model calls and tokens. A 5-case eval at 3 runs makes
     * 60 functional calls plus one per trigger query and run; the defaults leave room for that and stop a runaway.
     */
    SKILL_FLEET_EVAL_MAX_CALLS: positiveInt(10_000).default(400),
    SKILL_FLEET_EVAL_MAX_TOKENS: positiveInt(100_000_000).default(2_000_000),
    /** Model calls an eval job runs at once (with and without runs are independent). */
    SKILL_FLEET_EVAL_CONCURRENCY: positiveInt(32).default(4),
    /**
     * Pass mark for the content score (0–1). 0.65 sits between the best filler and the weakest well-regarded public
     * skill in the calibration run (docs/quality.md): `npm run calibrate` shows where a new mark would fall.
     */
    SKILL_FLEET_QUALITY_THRESHOLD: z.coerce.number({ message: "must be a number" }).min(0).max(1).default(0.65),
    /**
     * Which workflow skills.create runs: `demo` is the engine's test workflow (black-box tests), refused in production.
     */
    SKILL_FLEET_WORKFLOW: z.enum(["skill", "demo"], { message: "must be skill or demo" }).default("skill"),
    SKILL_FLEET_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ...securitySettings,
  })
  .superRefine((env, ctx) => {
    if (env.SKILL_FLEET_MODEL?.startsWith("scripted:") && env.NODE_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["SKILL_FLEET_MODEL"],
        message: "scripted models are for tests and refused in production",
      });
    }
    if (env.SKILL_FLEET_WORKFLOW === "demo" && env.NODE_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["SKILL_FLEET_WORKFLOW"],
        message: "the demo workflow is for tests and refused in production",
      });
    }
    if (env.SKILL_FLEET_MODEL?.startsWith("openai-compatible:") && !env.SKILL_FLEET_LLM_BASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["SKILL_FLEET_LLM_BASE_URL"],
        message: "is required for openai-compatible models (e.g. http://127.0.0.1:11434/v1 for Ollama)",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Shared mode needs a secret to sign sessions with; local mode never binds beyond loopback. */
function checkAccessMode(settings: Env): { path: string; message: string } | null {
  const problem = accessModeProblem(settings);
  if (problem) return { path: "SKILL_FLEET_AUTH", message: problem };
  if (isSharedMode(settings) && !settings.SKILL_FLEET_AUTH_SECRET)
    return { path: "SKILL_FLEET_AUTH_SECRET", message: "is required when the app is shared (sign-in is on)" };
  return null;
}

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Empty strings count as unset, as in most dotenv tooling. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""),
  );
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(withoutEmpty(source));
  if (result.success) {
    const problem = checkAccessMode(result.data);
    if (!problem) return result.data;
    throw new EnvError([`${problem.path}: ${problem.message}`]);
  }
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join(".") || "environment";
    const value = typeof issue.path[0] === "string" ? source[issue.path[0]] : undefined;
    return `${key}: ${issue.message}${value === undefined ? "" : ` (got "${value}")`}`;
  });
  throw new EnvError(problems);
}

let cached: Env | undefined;

/** The validated settings of this process (parsed on first use, then fixed). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Tests change process.env between cases; this forgets the parsed copy. */
export function resetEnvForTests(): void {
  cached = undefined;
}

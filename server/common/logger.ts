import pino, { type Logger } from "pino";
import { env } from "./env";
import { sanitizeForLog } from "./sanitize";
import { processSingleton } from "./singleton";

export { sanitizeForLog } from "./sanitize";

/**
 * The structured logger (pino, JSON lines on stdout). Values that carry user input go through `userText`
 * (sanitizeForLog) before they reach a log line.
 */
export function logger(): Logger {
  return processSingleton("logger", () =>
    pino({
      level: env().SKILL_FLEET_LOG_LEVEL,
      base: { app: "skill-fleet" },
      redact: { paths: ["apiKey", "*.apiKey", "authorization", "*.authorization"], censor: "***" },
    }),
  );
}

/** A child logger for one area of the server ("runner", "db", …). */
export function loggerFor(area: string): Logger {
  return logger().child({ area });
}

/** Sanitised copy of user-supplied text for a log field. */
export const userText = (value: unknown, limit?: number): string => sanitizeForLog(value, limit);

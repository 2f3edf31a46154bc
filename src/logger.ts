import { type Logger, pino } from "pino";
import { type Config, secretKeys } from "./config.ts";

export type { Logger };

const CENSOR = "[redacted]";
const MAX_LOGGED_STRING = 1_000;
const SECRET_KEY = /token|password|passwd|secret|authorization|private_?key|api_?key/i;

/** The values of the configured secrets, plus the password inside DATABASE_URL, to scrub wherever they appear. */
export function secretValues(config: Partial<Config>): string[] {
  const values: string[] = [];
  for (const key of secretKeys) {
    const v = config[key];
    if (typeof v === "string" && v.length >= 6) values.push(v);
  }
  if (config.DATABASE_URL) {
    try {
      const password = decodeURIComponent(new URL(config.DATABASE_URL).password);
      if (password.length >= 4) values.push(password);
    } catch {
      // An unparseable URL is caught by config validation; nothing more to scrub here.
    }
  }
  return values;
}

/**
 * Replaces secret-looking keys at any depth and any occurrence of a known secret value in strings (error
 * messages, URLs), so a secret cannot reach the log however it was nested.
 */
export function scrub(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (depth > 8) return value;
  if (typeof value === "string") {
    let out = value;
    for (const s of secrets) if (out.includes(s)) out = out.replaceAll(s, CENSOR);
    // User input reaches logs inside errors and contexts: a log line never carries a 4,000-character paste uncut.
    return out.length > MAX_LOGGED_STRING ? `${out.slice(0, MAX_LOGGED_STRING)}…(${out.length} characters)` : out;
  }
  if (value instanceof Error) {
    return {
      type: value.name,
      message: scrub(value.message, secrets),
      stack: scrub(value.stack, secrets),
      ...scrubObject(value, secrets, depth),
    };
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, depth + 1));
  if (value !== null && typeof value === "object") return scrubObject(value, secrets, depth);
  return value;
}

function scrubObject(value: object, secrets: readonly string[], depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null ? CENSOR : scrub(v, secrets, depth + 1);
  }
  return out;
}

export function createLogger(options: {
  level: string;
  destination?: pino.DestinationStream;
  secrets?: readonly string[];
}): Logger {
  const secrets = options.secrets ?? [];
  return pino(
    {
      level: options.level,
      base: { app: "steward" },
      // pino's `err` serializer runs before formatters, so errors are scrubbed as plain objects too.
      formatters: { log: (obj) => scrub(obj, secrets) as Record<string, unknown> },
    },
    options.destination,
  );
}

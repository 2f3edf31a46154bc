import { z } from "zod";

const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, "must be a duration such as 30s, 10m, 48h or 7d")
  .transform(parseDuration);

export function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  if (!match) throw new Error(`not a duration: ${text}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as "ms" | "s" | "m" | "h" | "d"];
  return Number(match[1]) * unit;
}

const optionalString = z
  .string()
  .transform((v) => v.trim())
  .pipe(z.string())
  .optional()
  .transform((v) => (v === "" ? undefined : v));

/** Token amounts are integers in the token's smallest unit (e.g. wei), given as digits. */
const tokenAmount = z
  .string()
  .regex(/^\d{1,78}$/, "must be a whole number of the token's smallest unit (digits only)")
  .transform((v) => BigInt(v));

const port = z.coerce.number().int().min(0).max(65535);
const snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17-20 digits)");

/** Every environment variable Steward reads. The README's table mirrors this schema. */
export const configSchema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_GUILD_ID: optionalString.pipe(snowflake.optional()),
  DISCORD_API_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
  DATABASE_URL: optionalString.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
  ),
  STEWARD_DATA_DIR: z.string().min(1).default("./data"),
  SANDBOX_PORT: port.default(3210),
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CONTRIBUTIONS_CHANNEL: z.string().min(1).default("contributions"),
  MODERATOR_ROLE: z.string().min(1).default("Moderator"),
  WALLET_CHALLENGE_TTL: duration.default(600_000),
  DUPLICATE_SUBMISSION_WINDOW: duration.default(60_000),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
  LLM_MODEL: z.string().min(1).default("gpt-4o-mini"),
  LLM_TIMEOUT: duration.default(60_000),
  LLM_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  LLM_PRICE_INPUT_PER_MTOK: z.coerce.number().min(0).default(0),
  LLM_PRICE_OUTPUT_PER_MTOK: z.coerce.number().min(0).default(0),
  EVAL_SAMPLES: z.coerce.number().int().min(1).max(9).default(1),
  EVAL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  EVALUATION_CRON: z.string().min(1).default("* * * * *"),
  RUBRIC_FILE: optionalString,
  APPEAL_WINDOW: duration.default(72 * 3_600_000),
  EPOCH_CRON: z.string().min(1).default("0 0 * * 1"),
  EPOCH_OPEN_APPEALS: z.enum(["block", "carry"]).default("block"),
  APPEAL_MODEL: optionalString,
  MAX_REWARD_PER_CONTRIBUTION: tokenAmount.default(100n * 10n ** 18n),
  EPOCH_BUDGET: tokenAmount.default(10_000n * 10n ** 18n),
  TOKEN_SYMBOL: z.string().min(1).max(12).default("STEW"),
  TOKEN_DECIMALS: z.coerce.number().int().min(0).max(36).default(18),
  TREASURY_PRIVATE_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^0x[0-9a-fA-F]{64}$/, "must be 0x followed by 64 hex digits")
      .optional(),
  ),
});

export type Config = z.output<typeof configSchema>;

/** Keys whose values must never be printed, logged or echoed in an error. */
export const secretKeys = ["DISCORD_TOKEN", "OPENAI_API_KEY", "TREASURY_PRIVATE_KEY", "DATABASE_URL"] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** Parses the environment once; every missing or malformed key is reported together, without its value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join(".") || "(environment)";
    return `${key}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

/** DATABASE_URL with its password replaced, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

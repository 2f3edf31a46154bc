import { z } from "zod";
import { anvilDevKeyProblem } from "./base/anvilDevKeys.ts";
import { MAX_CHUNK } from "./base/gasLimits.ts";
import { parseTrustProxy, type TrustProxy } from "./base/parseTrustProxy.ts";
import { parseVotingTypeName, type VotingType } from "./votingTypes.ts";

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

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be an 0x address of 40 hex digits");

const port = z.coerce.number().int().min(0).max(65535);

/** Every environment variable Steward reads. The README's table mirrors this schema. */
export const configSchema = z.object({
  DISCORD_TOKEN: optionalString,
  /** The server(s) Steward serves, comma-separated: anywhere else it answers that it is not set up there. */
  DISCORD_GUILD_ID: optionalString.pipe(
    z
      .string()
      .regex(
        /^\s*\d{17,20}\s*(,\s*\d{17,20}\s*)*,?\s*$/,
        "must be a Discord server id (17-20 digits), or several separated by commas",
      )
      .transform((v) =>
        v
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .optional(),
  ),
  DISCORD_API_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
  DATABASE_URL: optionalString.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
  ),
  STEWARD_DATA_DIR: z.string().min(1).default("./data"),
  SANDBOX_PORT: port.default(3210),
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  /** The sandbox lets anyone act as any user: with a real chain or a treasury key it starts only when this says so. */
  SANDBOX_REAL_CHAIN: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["auto", "json", "readable"]).default("auto"),
  /** How long a stopping Steward lets running work reach a safe point (under Docker's 10 s stop timeout). */
  SHUTDOWN_GRACE: duration
    .refine((ms) => ms <= 60_000, "must be at most 60s (supervisors kill a process that takes longer)")
    .default(8_000),
  CONTRIBUTIONS_CHANNEL: z.string().min(1).default("contributions"),
  GOVERNANCE_CHANNEL: z.string().min(1).default("governance"),
  PAYOUTS_CHANNEL: z.string().min(1).default("payouts"),
  COMPUTE_CHANNEL: z.string().min(1).default("compute"),
  PROVIDER_ROLE: z.string().min(1).default("Provider"),
  HTTP_PORT: port.default(3000),
  HTTP_HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
  /** Which proxies in front of the HTTP server to believe about the client's address (rate limits are per address). */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((v, ctx): TrustProxy => {
      const parsed = parseTrustProxy(v);
      if (parsed !== null) return parsed;
      ctx.addIssue({
        code: "custom",
        message:
          'must be false, true, a number of proxy hops (1-9), or proxy addresses and CIDR ranges separated by commas, such as "127.0.0.1,10.0.0.0/8" (or loopback, linklocal, uniquelocal)',
      });
      return z.NEVER;
    }),
  /** When set, GET /metrics requires `Authorization: Bearer <this>`. */
  METRICS_TOKEN: optionalString.pipe(
    z
      .string()
      .min(16, "must be at least 16 characters, e.g. from `openssl rand -hex 32`")
      .regex(/^[A-Za-z0-9\-._~+/]+=*$/, "must be a bearer token: letters, digits and - . _ ~ + / (= at the end)")
      .optional(),
  ),
  MAX_NODES_PER_PROVIDER: z.coerce.number().int().min(1).max(1000).default(10),
  HEARTBEAT_INTERVAL: duration.default(60_000),
  MAX_CLOCK_SKEW: duration.default(120_000),
  LEASE_APPROVAL_ABOVE: optionalString.pipe(tokenAmount.optional()),
  LEASE_FAILOVER_AFTER: optionalString.pipe(duration.optional()),
  COMPUTE_BUDGET: tokenAmount.default(1_000n * 10n ** 18n),
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
  VOTING_PERIOD: duration.default(48 * 3_600_000),
  VOTING_TYPE: z
    .enum(["basic", "single-choice", "approval", "weighted", "quadratic", "ranked-choice"])
    .default("basic")
    .transform((v) => parseVotingTypeName(v) as VotingType),
  QUORUM: z
    .string()
    .regex(
      /^\d+(\.\d+)?%?$/,
      'must be a number of votes (a weight) such as "25", or a share such as "10%" of the electorate QUORUM_OF names',
    )
    .refine((v) => !v.endsWith("%") || Number.parseFloat(v) <= 100, "a percentage cannot exceed 100%")
    .default("10%"),
  /** Who a percentage QUORUM counts: the active electorate (default), the voter role's holders, or every member. */
  QUORUM_OF: z
    .enum(["active", "voters", "members"], {
      error: "must be active (members who took part lately), voters (holders of VOTER_ROLES) or members (everyone)",
    })
    .default("active"),
  /** How far back taking part makes a member active: a number of epochs ("3 epochs") or a duration ("30d"). */
  ACTIVE_WINDOW: z
    .string()
    .default("3 epochs")
    .transform((v, ctx): { epochs: number } | { ms: number } => {
      const epochs = /^\s*(\d+)\s*(epochs?)?\s*$/.exec(v);
      if (epochs && Number(epochs[1]) >= 1 && Number(epochs[1]) <= 1000) return { epochs: Number(epochs[1]) };
      if (/^\d+(ms|s|m|h|d)$/.test(v.trim()) && parseDuration(v.trim()) > 0) return { ms: parseDuration(v.trim()) };
      ctx.addIssue({
        code: "custom",
        message: 'must be a number of epochs from 1 to 1000 such as "3 epochs", or a duration such as 30d',
      });
      return z.NEVER;
    }),
  PASS_THRESHOLD: z.coerce.number().min(0).max(0.99).default(0.5),
  VOTER_ROLES: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  VOTER_MIN_MEMBERSHIP: duration.default(0),
  VOTE_WEIGHT: z.enum(["one-member-one-vote", "role-weighted", "erc20-balance"]).default("one-member-one-vote"),
  ROLE_WEIGHTS: z
    .string()
    .default("")
    .refine(
      (v) => v.trim() === "" || v.split(",").every((p) => /^[^=,]+=\d+(\.\d+)?$/.test(p.trim())),
      'must be a list such as "Member=1,Moderator=2"',
    )
    .transform((v) =>
      Object.fromEntries(
        v
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => {
            const [role = "", weight = "0"] = p.split("=");
            return [role.trim(), Number(weight)];
          }),
      ),
    ),
  /** Any EVM JSON-RPC endpoint: settlement, and token balances for erc20-balance votes. Unset: a local chain. */
  RPC_URL: optionalString.pipe(
    z.url({ protocol: /^(https?|wss?)$/, error: "must be an http(s) or ws(s) URL" }).optional(),
  ),
  /** Renamed RPC_URL; refused with a message saying so rather than silently ignored. */
  CHAIN_RPC_URL: optionalString,
  CHAIN_ID: optionalString.pipe(
    z
      .string()
      .regex(/^\d{1,12}$/, "must be a chain id (digits), e.g. 1 for Ethereum")
      .transform(Number)
      .optional(),
  ),
  TOKEN_ADDRESS: optionalString.pipe(address.optional()),
  DISTRIBUTOR_ADDRESS: optionalString.pipe(address.optional()),
  /** The AuditAnchor contract (`steward chain deploy` prints it): the audit chain's head is published there. */
  ANCHOR_ADDRESS: optionalString.pipe(address.optional()),
  /**
   * The block the distributor was deployed in (`steward chain deploy` prints it): log queries start there, in ranges
   * RPC providers accept, instead of at block 0.
   */
  DEPLOYMENT_BLOCK: optionalString.pipe(
    z
      .string()
      .regex(/^\d{1,12}$/, "must be a block number")
      .transform(Number)
      .optional(),
  ),
  /**
   * How long a held line (a recipient whose transfer failed) is its recipient's alone before moderators may return
   * it to the treasury: fixed in the distributor `steward chain deploy` makes.
   */
  CLAIM_PERIOD: duration.default(90 * 24 * 3_600_000),
  EXPLORER_TX_URL: optionalString.pipe(
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .refine((v) => v.includes("{hash}"), "must contain {hash}, e.g. https://etherscan.io/tx/{hash}")
      .optional(),
  ),
  MAX_FEE_GWEI: optionalString.pipe(
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, "must be a number of gwei, e.g. 50")
      .transform(Number)
      .refine((v) => v > 0 && v <= 100_000, "must be above 0 and at most 100000")
      .optional(),
  ),
  CONFIRMATIONS: z.coerce.number().int().min(1).max(100).default(1),
  /** A payout transaction not mined this many blocks after it was sent is replaced with higher fees (0: never). */
  FEE_BUMP_AFTER: z.coerce.number().int().min(0).max(10_000).default(20),
  SETTLEMENT_CRON: z.string().min(1).default("*/5 * * * *"),
  SETTLEMENT_DAILY_CAP: optionalString.pipe(tokenAmount.optional()),
  SETTLEMENT_CHUNK_SIZE: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, "must be a whole number of lines")
      .transform(Number)
      .refine((v) => v >= 1 && v <= MAX_CHUNK, `must be 1 to ${MAX_CHUNK} (what fits the per-transaction gas cap)`)
      .optional(),
  ),
  SETTLEMENT_MODE: z.enum(["send", "safe-export", "off"]).default("send"),
  /** SETTLEMENT_MODE=safe-export: the Safe that holds the tokens and is the distributor's operator. */
  SAFE_ADDRESS: optionalString.pipe(address.optional()),
  /** Testing only: kill the process (SIGKILL) when settlement passes this step, e.g. "after-save-signed:2". */
  STEWARD_KILL_AT: optionalString,
  VOTE_TOKEN_ADDRESS: optionalString.pipe(
    z
      .string()
      .regex(/^0x[0-9a-fA-F]{40}$/, "must be an 0x address of 40 hex digits")
      .optional(),
  ),
  EXCLUDE_CONFLICTED_VOTES: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  APPROVALS_REQUIRED: z.coerce.number().int().min(1).max(20).default(2),
  AUTO_APPROVE_BELOW: tokenAmount.default(0n),
  LARGE_PAYOUT_ABOVE: optionalString.pipe(tokenAmount.optional()),
  CLOSE_VOTES_CRON: z.string().min(1).default("* * * * *"),
  VOTE_TALLY_DEBOUNCE: duration.default(2_000),
  /** Reminders before a vote closes, e.g. "24h,1h", as seconds before the end, largest first; "off" or empty: none. */
  REMINDER_BEFORE: z
    .string()
    .default("24h,1h")
    .transform((v, ctx) => {
      const text = v.trim().toLowerCase();
      if (text === "" || text === "off") return [];
      const parts = text.split(",").map((p) => p.trim());
      const bad = parts.find((p) => !/^\d+(s|m|h|d)$/.test(p) || parseDuration(p) < 1000);
      if (bad !== undefined) {
        ctx.addIssue({
          code: "custom",
          message: `must be durations such as "24h,1h" (s, m, h or d, at least 1s), or "off": "${bad}" is not one`,
        });
        return z.NEVER;
      }
      // Whole seconds, largest first, each once: a reminder is recorded by its offset in seconds.
      return [...new Set(parts.map((p) => Math.floor(parseDuration(p) / 1000)))].sort((a, b) => b - a);
    })
    .refine((list) => list.every((s) => s <= 90 * 86_400), "a reminder cannot be more than 90d before the end"),
  TREASURY_PRIVATE_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^0x[0-9a-fA-F]{64}$/, "must be 0x followed by 64 hex digits")
      .optional(),
  ),
});

export type Config = z.output<typeof configSchema>;

/** Settings that only make sense together, checked after each key parsed on its own. */
function crossChecks(config: Config): string[] {
  const problems: string[] = [];
  if (config.VOTE_WEIGHT === "erc20-balance") {
    if (!config.RPC_URL) problems.push("RPC_URL: required when VOTE_WEIGHT is erc20-balance");
    if (!config.VOTE_TOKEN_ADDRESS) problems.push("VOTE_TOKEN_ADDRESS: required when VOTE_WEIGHT is erc20-balance");
  }
  if (config.CHAIN_RPC_URL) problems.push("CHAIN_RPC_URL: renamed RPC_URL (it now also settles payouts): rename it");
  if (config.RPC_URL && config.SETTLEMENT_MODE !== "off") {
    const signer = config.SETTLEMENT_MODE === "safe-export" ? "SAFE_ADDRESS" : "TREASURY_PRIVATE_KEY";
    for (const key of ["CHAIN_ID", "TOKEN_ADDRESS", "DISTRIBUTOR_ADDRESS", signer] as const) {
      if (config[key] === undefined) {
        problems.push(
          `${key}: required with RPC_URL and SETTLEMENT_MODE=${config.SETTLEMENT_MODE} (SETTLEMENT_MODE=off pays nothing on-chain)`,
        );
      }
    }
  }
  if (config.VOTE_WEIGHT === "role-weighted" && Object.keys(config.ROLE_WEIGHTS).length === 0) {
    problems.push('ROLE_WEIGHTS: required when VOTE_WEIGHT is role-weighted (e.g. "Member=1,Moderator=2")');
  }
  if (config.QUORUM_OF === "voters" && config.VOTER_ROLES.length === 0) {
    problems.push(
      'QUORUM_OF: voters counts the holders of VOTER_ROLES, which is empty: set VOTER_ROLES (e.g. "Voter"), or use QUORUM_OF=active',
    );
  }
  if (config.LARGE_PAYOUT_ABOVE !== undefined && config.LARGE_PAYOUT_ABOVE < config.AUTO_APPROVE_BELOW) {
    problems.push("LARGE_PAYOUT_ABOVE: must not be below AUTO_APPROVE_BELOW");
  }
  return problems;
}

/** Keys whose values must never be printed, logged or echoed in an error. */
export const secretKeys = [
  "DISCORD_TOKEN",
  "OPENAI_API_KEY",
  "TREASURY_PRIVATE_KEY",
  "METRICS_TOKEN",
  "DATABASE_URL",
  "RPC_URL",
  "OPENAI_BASE_URL",
] as const;

/** The URL settings among them (an RPC provider's key sits in the path): shown as scheme and host only. */
export const secretUrlKeys = ["DATABASE_URL", "RPC_URL", "OPENAI_BASE_URL"] as const;

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
  // Checked on the raw values, so that it is listed beside any other key's problem, not only once they are fixed.
  const rawChainId = env.CHAIN_ID?.trim() ?? "";
  const chainId = /^\d{1,12}$/.test(rawChainId) ? Number(rawChainId) : undefined;
  const devKey = anvilDevKeyProblem(env.TREASURY_PRIVATE_KEY, chainId);
  if (result.success) {
    const problems = [...crossChecks(result.data), ...(devKey ? [devKey] : [])];
    if (problems.length > 0) throw new ConfigError(problems);
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join(".") || "(environment)";
    return `${key}: ${issue.message}`;
  });
  throw new ConfigError(devKey ? [...problems, devKey] : problems);
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

import { z } from "zod";
import { anvilDevKeyProblem } from "./base/anvilDevKeys.ts";
import { MAX_CHUNK } from "./base/gasLimits.ts";
import { parseDuration } from "./base/parseDuration.ts";
import { parseTrustProxy, type TrustProxy } from "./base/parseTrustProxy.ts";
import { LOCALES, supportedLocale } from "./i18n/locales.ts";
import { parseVotingTypeName, type VotingType } from "./votingTypes.ts";

const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, "must be a duration such as 30s, 10m, 48h or 7d")
  .transform(parseDuration);

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

/**
 * Every environment variable Steward reads. Each key's `.meta()` is its only documentation (`group`, `description`,
 * and `unset`: what leaving it out means when it has no default): `scripts/settings-table.ts` writes the settings
 * reference (docs/operators/settings.md) from it, and a test fails when that file is not current.
 */
export const configSchema = z.object({
  DISCORD_TOKEN: optionalString.meta({
    group: "discord",
    description: "Bot token. Unset: Steward starts the local Discord sandbox instead.",
    unset: "*(unset: sandbox)*",
  }),
  /** The server(s) Steward serves, comma-separated: anywhere else it answers that it is not set up there. */
  DISCORD_GUILD_ID: optionalString
    .pipe(
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
    )
    .meta({
      group: "discord",
      description:
        "The server Steward serves (several: ids separated by commas). In any other server the bot only answers, privately, \"Steward is not set up for this server.\" and does nothing else. `deploy-commands` registers the commands there. In the sandbox it defaults to the sandbox's own guild (set to anything else there, the sandbox's guild is treated as a stranger's server: leave it unset for the sandbox).",
      unset: "*(unset; required with `DISCORD_TOKEN`)*",
    }),
  DISCORD_API_URL: optionalString
    .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional())
    .meta({
      group: "discord",
      description: "Base URL of the Discord API (without `/v10`), e.g. to point a bot at a sandbox started elsewhere.",
      unset: "Discord's",
    }),
  DATABASE_URL: optionalString
    .pipe(z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional())
    .meta({
      group: "process",
      description:
        '`postgresql://…` of a PostgreSQL server of yours. Unset: the PostgreSQL server Steward manages in `STEWARD_DATA_DIR` (see "The embedded database").',
      unset: "*(unset: embedded)*",
    }),
  STEWARD_DATA_DIR: z
    .string()
    .min(1)
    .default("./data")
    .meta({ group: "process", description: "Where the embedded database and the sandbox's state live." }),
  SANDBOX_PORT: port.default(3210).meta({
    group: "discord",
    description:
      "Port of the sandbox (REST `/api/v10`, gateway `/gateway`, control API `/sandbox`). `0` picks a free one.",
  }),
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1").meta({
    group: "discord",
    description:
      'Interface the sandbox listens on. Anything but a loopback address is warned about at start: whoever reaches the sandbox can act as any of its users (see "The sandbox").',
  }),
  /** The sandbox lets anyone act as any user: with a real chain or a treasury key it starts only when this says so. */
  SANDBOX_REAL_CHAIN: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((v) => v === "true" || v === "1")
    .meta({
      group: "discord",
      description:
        "The sandbox refuses to start with an `RPC_URL` that is not this machine (127.0.0.1, localhost, ::1) or with any `TREASURY_PRIVATE_KEY`, since anyone who reaches it can make themselves a moderator and approve payouts; `1` (or `true`) says you mean it.",
    }),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info").meta({
    group: "process",
    description: "`fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. Logs are JSON (pino) on stderr.",
  }),
  LOG_FORMAT: z.enum(["auto", "json", "readable"]).default("auto").meta({
    group: "process",
    description:
      "`json` (one JSON object a line, for machines), `readable` (`12:04:05 INFO  message  key=value`, for a person), or `auto`: readable when stderr is a terminal, else JSON.",
  }),
  /** How long a stopping Steward lets running work reach a safe point (under Docker's 10 s stop timeout). */
  SHUTDOWN_GRACE: duration
    .refine((ms) => ms <= 60_000, "must be at most 60s (supervisors kill a process that takes longer)")
    .prefault("8s")
    .meta({
      group: "process",
      description:
        "On SIGTERM or SIGINT, how long running work may take to reach a safe point before Steward closes and exits (at most `60s`; keep it under your supervisor's stop timeout: Docker's is 10 s). See \"Posts, load and stopping\".",
    }),
  GUILD_LOCALE: z
    .string()
    .optional()
    .transform((tag, ctx) => {
      if (tag === undefined || tag.trim() === "") return undefined;
      const locale = supportedLocale(tag);
      if (!locale) ctx.addIssue({ code: "custom", message: `must be one of ${LOCALES.join(", ")} (got ${tag})` });
      return locale ?? undefined;
    })
    .meta({
      group: "discord",
      description: `Language of Steward's public posts (${LOCALES.join(", ")}); unset: the server's own language (its Community setting), else English. Replies to a member always follow that member's Discord language.`,
    }),
  CONTRIBUTIONS_CHANNEL: z.string().min(1).default("contributions").meta({
    group: "discord",
    description: "Channel (name or id) where contributions, evaluations and appeals are posted.",
  }),
  GOVERNANCE_CHANNEL: z.string().min(1).default("governance").meta({
    group: "discord",
    description: "Channel (name or id) of proposals, ballots, results and messages to moderators.",
  }),
  PAYOUTS_CHANNEL: z
    .string()
    .min(1)
    .default("payouts")
    .meta({ group: "discord", description: "Channel (name or id) for settlement receipts." }),
  COMPUTE_CHANNEL: z
    .string()
    .min(1)
    .default("compute")
    .meta({ group: "discord", description: "Channel (name or id) for compute-provider announcements." }),
  PROVIDER_ROLE: z.string().min(1).default("Provider").meta({
    group: "discord",
    description: "Role (id or name, as `MODERATOR_ROLE`) of compute providers: only they register nodes.",
  }),
  HTTP_PORT: port.default(3000).meta({
    group: "http",
    description:
      "Port of Steward's HTTP server (health, metrics, the node agents' API, the public API and transparency page; `0` = a free port). Printed at start as `http ready: <url>`.",
  }),
  HTTP_HOST: z
    .string()
    .min(1)
    .default("127.0.0.1")
    .meta({ group: "http", description: "Interface Steward's HTTP server listens on (see `HTTP_PORT`)." }),
  PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()).meta({
    group: "http",
    description:
      'The URL node agents reach Steward at (behind a proxy), shown to providers after `/node register`. Also the domain and URI of wallet link messages (see "Linking a wallet").',
    unset: "*(the bound address)*",
  }),
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
    })
    .meta({
      group: "http",
      description:
        "Which proxies in front of the HTTP server to believe about the client's address (`X-Forwarded-For`), which the per-address rate limits count: `false` (the connecting address is the client's; set nothing when nodes and browsers reach Steward directly), `true` (any: only when nothing reaches Steward but through your proxy, or anyone can claim any address), a number of hops (`1`: the proxy right in front), or the proxies' addresses and CIDR ranges separated by commas (`127.0.0.1,10.0.0.0/8`; `loopback`, `linklocal`, `uniquelocal` name those ranges).",
    }),
  /** When set, GET /metrics requires `Authorization: Bearer <this>`. */
  METRICS_TOKEN: optionalString
    .pipe(
      z
        .string()
        .min(16, "must be at least 16 characters, e.g. from `openssl rand -hex 32`")
        .regex(/^[A-Za-z0-9\-._~+/]+=*$/, "must be a bearer token: letters, digits and - . _ ~ + / (= at the end)")
        .optional(),
    )
    .meta({
      group: "http",
      description:
        "When set (16 characters or more, e.g. `openssl rand -hex 32`), `GET /metrics` answers only `Authorization: Bearer <token>` (Prometheus: `authorization: {credentials: …}`) and 401 otherwise. Set it when the HTTP server is reachable from outside. Secret.",
      unset: "*(unset: `/metrics` is public)*",
    }),
  MAX_NODES_PER_PROVIDER: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(10)
    .meta({ group: "compute", description: "Live (not retired) nodes per provider." }),
  HEARTBEAT_INTERVAL: duration.prefault("60s").meta({
    group: "compute",
    description:
      'How often agents send heartbeats; a node silent for two intervals is offline (uptime counts only time covered by heartbeats). Each node may have at most 10 heartbeats accepted per interval (see "Share your compute").',
  }),
  MAX_CLOCK_SKEW: duration
    .prefault("120s")
    .meta({ group: "compute", description: "A heartbeat's signed timestamp must be this close to Steward's clock." }),
  LEASE_APPROVAL_ABOVE: optionalString.pipe(tokenAmount.optional()).meta({
    group: "compute",
    description:
      "A lease whose full cost (GPUs × hours × price, smallest units) is above this needs a moderator's approval before the provider is asked.",
  }),
  LEASE_FAILOVER_AFTER: optionalString.pipe(duration.optional()).meta({
    group: "compute",
    description:
      "A leased node offline this long: requester and provider are told in `#compute` and the requester is offered the next best online offer for the remaining hours.",
    unset: "3 × `HEARTBEAT_INTERVAL`",
  }),
  COMPUTE_BUDGET: tokenAmount.default(1_000n * 10n ** 18n).meta({
    group: "compute",
    description:
      "Shared each epoch among nodes by verified capacity × uptime (a GPU weighs 16 CPU cores); `0` pays leases only. The default is 1000 tokens at 18 decimals.",
  }),
  COMPUTE_CHALLENGE_INTERVAL: duration.prefault("6h").meta({
    group: "compute",
    description:
      "About how often each node is challenged to prove its declared capacity (each wait drawn at random between half and one and a half of this). Capacity not proven in an epoch earns only the CPU rate.",
  }),
  COMPUTE_CHALLENGE_DEADLINE: duration.prefault("60s").meta({
    group: "compute",
    description:
      "How long a node has, from the heartbeat answer that carries a challenge, to send back its signed result.",
  }),
  COMPUTE_CHALLENGE_LANE_KIB: z.coerce.number().int().min(1).max(1_048_576).default(256).meta({
    group: "compute",
    description:
      "Memory of one challenge lane in KiB (its work: two hashes per 32 bytes). A node gets one lane per declared CPU core, or `COMPUTE_CHALLENGE_LANES_PER_GPU` per declared GPU.",
  }),
  COMPUTE_CHALLENGE_LANES_PER_GPU: z.coerce.number().int().min(1).max(1024).default(256).meta({
    group: "compute",
    description: "Challenge lanes per declared GPU: with the deadline, the throughput a GPU must show.",
  }),
  MAX_CAPACITY_PER_PROVIDER: optionalString
    .pipe(z.coerce.number<string | undefined>().int().min(1).max(1_000_000).optional())
    .meta({
      group: "compute",
      description:
        "The most capacity one provider is paid for in the compute budget, in reward weight (a CPU core 1, a GPU 16), across all their nodes: a provider above it has each node's share scaled down.",
      unset: "no cap",
    }),
  MODERATOR_ROLE: z.string().min(1).default("Moderator").meta({
    group: "discord",
    description:
      "Role of moderators: its id (recommended), or a name, resolved to the role's id at start and whenever roles change; authority is decided by role id only.",
  }),
  WALLET_CHALLENGE_TTL: duration.prefault("10m").meta({
    group: "contributions",
    description: "How long a wallet link message can be signed (`30s`, `10m`, `48h`, `7d`).",
  }),
  DUPLICATE_SUBMISSION_WINDOW: duration.prefault("60s").meta({
    group: "contributions",
    description: "The same author may not submit the same title again within this window.",
  }),
  GITHUB_API_URL: optionalString
    .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional())
    .meta({
      group: "contributions",
      description:
        "Base URL of the GitHub REST API that code links (PRs, commits, issues) are checked against, and of the OAuth device flow of `/github link`. With any `GITHUB_*` setting (or in the sandbox) Steward reads what each code link is before evaluating it; with none and a real Discord, links stay claims as before.",
      unset: "*(unset: the local GitHub in the sandbox, else `https://api.github.com`)*",
    }),
  GITHUB_CLIENT_ID: optionalString.meta({
    group: "contributions",
    description:
      "Client id of the GitHub OAuth app (device flow enabled) through which `/github link` proves a member controls a GitHub account.",
    unset:
      "*(unset: the local GitHub's `Iv1.sandbox` in the sandbox, else members link with a public gist only: `/github link login:`)*",
  }),
  GITHUB_TOKEN: optionalString.meta({
    group: "contributions",
    description:
      "Token Steward reads code links' facts with (REST: 5,000 requests an hour; GraphQL, which reads 50 PRs and issues a query, needs a token and has 5,000 points of its own; no scope is needed for public repositories). Secret.",
    unset: "*(unset: a user of the local GitHub in the sandbox, else unauthenticated: 60 an hour)*",
  }),
  GITHUB_SANDBOX_PORT: optionalString
    .pipe(
      z
        .string()
        .regex(/^\d{1,5}$/, "must be a port number")
        .transform(Number)
        .pipe(z.number().int().max(65535))
        .optional(),
    )
    .meta({
      group: "contributions",
      description:
        "Port of the local GitHub the sandbox starts (REST API and device flow at the root, control API `/sandbox`), unless `GITHUB_API_URL` is set.",
      unset: "`3220` (a free one when `SANDBOX_PORT` is `0`)",
    }),
  GITHUB_FACTS_TIMEOUT: duration.prefault("30s").meta({
    group: "contributions",
    description:
      "How long an evaluation waits for GitHub's facts about its links (rate limits included); after it, the links it could not read count as claims.",
  }),
  GITHUB_WEBHOOK_SECRET: optionalString.meta({
    group: "contributions",
    description:
      "Secret of a GitHub webhook (content type `application/json`, event `Pull requests`) pointed at `<PUBLIC_URL>/api/github/webhook`. With it, a merged PR whose author is a linked member drafts a contribution the member is asked to submit or discard; deliveries without a valid `X-Hub-Signature-256` are refused (401). Secret.",
    unset: "*(unset: webhook capture is off; `/api/github/webhook` answers 404)*",
  }),
  OPENAI_API_KEY: optionalString.meta({
    group: "evaluation",
    description:
      "Key of an OpenAI-compatible endpoint. With it (or `OPENAI_BASE_URL`) the `llm` evaluator and drafter are used; without both, the offline `rubric` evaluator and template drafter. Secret.",
  }),
  OPENAI_BASE_URL: optionalString
    .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional())
    .meta({
      group: "evaluation",
      description:
        "Any OpenAI-compatible endpoint, e.g. `http://localhost:11434/v1` (Ollama) or a vLLM server. Secret (a proxy may take a key in it): shown by scheme and host only.",
      unset: "*(OpenAI's)*",
    }),
  LLM_MODEL: z.string().min(1).default("gpt-4o-mini").meta({
    group: "evaluation",
    description:
      "Model for evaluations and drafts. (Names with `codex` or `-pro` make LangChain use the Responses API.)",
  }),
  LLM_TIMEOUT: duration.prefault("60s").meta({ group: "evaluation", description: "Per model call." }),
  LLM_RETRIES: z.coerce.number().int().min(0).max(10).default(3).meta({
    group: "evaluation",
    description:
      "Retries of a 429, 5xx or timed-out call, with exponential backoff or exactly the server's `Retry-After`.",
  }),
  LLM_PRICE_INPUT_PER_MTOK: z.coerce
    .number()
    .min(0)
    .default(0)
    .meta({ group: "evaluation", description: "USD per million input tokens, for the recorded cost." }),
  LLM_PRICE_OUTPUT_PER_MTOK: z.coerce
    .number()
    .min(0)
    .default(0)
    .meta({ group: "evaluation", description: "USD per million output tokens, for the recorded cost." }),
  EVAL_SAMPLES: z.coerce.number().int().min(1).max(9).default(1).meta({
    group: "evaluation",
    description: "Samples per evaluation (temperature 0); the median total is kept and the spread stored.",
  }),
  EVAL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4).meta({
    group: "evaluation",
    description:
      "Model calls at once in the `evaluate` job (twice as many evaluations are in flight, so their database work overlaps the calls).",
  }),
  EVALUATION_CRON: z.string().min(1).default("* * * * *").meta({
    group: "evaluation",
    description: "Schedule of the `evaluate` job (it also runs right after each submission).",
  }),
  RUBRIC_FILE: optionalString.meta({
    group: "evaluation",
    description:
      "JSON rubric: `{version, criteria:[{name, weight, description}], categoryMultipliers, categoryCriteria?}` (evidence per category; built-in when absent).",
    unset: "*(built-in v1)*",
  }),
  APPEAL_WINDOW: duration
    .prefault("72h")
    .meta({ group: "evaluation", description: "How long after an evaluation its author may appeal." }),
  EPOCH_CRON: z.string().min(1).default("0 0 * * 1").meta({
    group: "epochs",
    description:
      "When the `close-epoch` job closes epochs (weekly, Monday 00:00). `REMINDER_BEFORE` reminders are posted before each of these closes.",
  }),
  EPOCH_OPEN_APPEALS: z.enum(["block", "carry"]).default("block").meta({
    group: "epochs",
    description:
      "Open appeals at close: `block` refuses to close (with a message listing them), `carry` leaves those contributions to the next epoch.",
  }),
  CALIBRATION_SAMPLE: z
    .string()
    .regex(/^(off|\d{1,3}%)$/, "must be a percentage such as 10% or off")
    .default("10%")
    .transform((v) => (v === "off" ? null : Math.min(100, Number(v.slice(0, -1)))))
    .meta({
      group: "epochs",
      description:
        "Share of each epoch's evaluated contributions drawn for the blind jury (`/jury`), at least 3 (or all when fewer); `off`: no jury. The draw is seeded with the audit chain's head when it is drawn, so anyone can recompute it.",
    }),
  JUROR_ROLE: z.string().min(1).default("Juror").meta({
    group: "epochs",
    description:
      "Role (id or name, as `MODERATOR_ROLE`) of jurors: only they score the calibration sample with `/jury`, never their own contributions or those of anyone sharing a wallet with them.",
  }),
  JUROR_REWARD: tokenAmount.default(0n).meta({
    group: "epochs",
    description:
      "Paid per completed jury review, in the token's smallest unit, from the epoch budget: one line per juror in the distribution the members vote on.",
  }),
  MENTOR_ROLE: z.string().min(1).default("Mentor").meta({
    group: "epochs",
    description:
      "Role (id or name, as `MODERATOR_ROLE`) of mentors: only they take newcomers with `/mentor accept`, never themselves or anyone sharing a wallet with them.",
  }),
  MENTOR_SHARE: z
    .string()
    .regex(/^(off|\d{1,3}(\.\d{1,2})?%)$/, "must be a percentage such as 10% or off")
    .default("10%")
    .refine((v) => v === "off" || Number.parseFloat(v) <= 100, "a percentage cannot exceed 100%")
    // Basis points (10% = 1,000): the share is computed on integers, exact to the smallest unit.
    .transform((v) => (v === "off" ? 0 : Math.round(Number.parseFloat(v) * 100)))
    .meta({
      group: "epochs",
      description:
        "The mentor's share of their newcomer's first paid contribution's reward, from the epoch budget: a line of its own in the distribution the members vote on (scaled with the rest when the budget is short). `0%` or `off`: none.",
    }),
  MENTOR_REVIEW_WAIT: duration.prefault("24h").meta({
    group: "epochs",
    description:
      "How long a mentored newcomer's first contributions wait for their mentor's review before they are evaluated anyway (a silent mentor never stalls an evaluation).",
  }),
  MENTOR_REVIEWS: z.coerce.number().int().min(0).max(20).default(3).meta({
    group: "epochs",
    description:
      "How many of a newcomer's first contributions their mentor reviews before evaluation (`/mentor review`); 0: none wait.",
  }),
  CALIBRATION_MIN_AGREEMENT: z.coerce.number().min(-1).max(1).default(0.5).meta({
    group: "epochs",
    description:
      "Below this rank correlation (Spearman, -1 to 1) between the model's and the jury's scores, the distribution says plainly that the model and the jury disagree, moderators are told, and `CALIBRATION_POLICY` applies.",
  }),
  CALIBRATION_POLICY: z.enum(["hold", "jury"]).default("hold").meta({
    group: "epochs",
    description:
      "When the jury's agreement is below `CALIBRATION_MIN_AGREEMENT` at the close: `hold` flags each sampled evaluation whose overall score differs from the jury's mean by at least 1 point (of 10) for a moderator (it pays nothing until a person clears it, as any flagged evaluation); `jury` pays each sampled item the reward the jury's mean scores give under the same reward policy and caps.",
  }),
  APPEAL_MODEL: optionalString.meta({
    group: "evaluation",
    description: "Model for appeals' second pass; unset: the same model with more samples (at least 3).",
  }),
  MAX_REWARD_PER_CONTRIBUTION: tokenAmount.default(100n * 10n ** 18n).meta({
    group: "evaluation",
    description: "Cap per contribution, in the token's smallest unit (100 tokens at 18 decimals).",
  }),
  EPOCH_BUDGET: tokenAmount
    .default(10_000n * 10n ** 18n)
    .meta({ group: "epochs", description: "Epoch budget in the smallest unit; no suggested reward exceeds it." }),
  TOKEN_SYMBOL: z
    .string()
    .min(1)
    .max(12)
    .default("STEW")
    .meta({ group: "epochs", description: "The token's symbol: how amounts are shown and parsed." }),
  TOKEN_DECIMALS: z.coerce
    .number()
    .int()
    .min(0)
    .max(36)
    .default(18)
    .meta({ group: "epochs", description: "The token's decimals: how amounts are shown and parsed." }),
  VOTING_PERIOD: duration
    .prefault("48h")
    .meta({ group: "votes", description: "How long a vote stays open (`5s` is fine for a demo)." }),
  VOTING_TYPE: z
    .enum(["basic", "single-choice", "approval", "weighted", "quadratic", "ranked-choice"])
    .default("basic")
    .transform((v) => parseVotingTypeName(v) as VotingType)
    .meta({
      group: "votes",
      description:
        "Default type when a moderator opens a vote: `basic`, `single-choice`, `approval`, `weighted`, `quadratic`, `ranked-choice`. Distribution proposals are always basic (the batch is accepted or not as a whole).",
    }),
  QUORUM: z
    .string()
    .regex(
      /^\d+(\.\d+)?%?$/,
      'must be a number of votes (a weight) such as "25", or a share such as "10%" of the electorate QUORUM_OF names',
    )
    .refine((v) => !v.endsWith("%") || Number.parseFloat(v) <= 100, "a percentage cannot exceed 100%")
    .default("10%")
    .meta({
      group: "votes",
      description:
        'Weight the tally must reach: absolute (`25`: that many votes, or that weight) or a share (`10%`) of the electorate `QUORUM_OF` names, counted when the vote opens. Abstentions count, as on Snapshot. See "Quorum" under Proposals for what to choose.',
    }),
  /** Who a percentage QUORUM counts: the active electorate (default), the voter role's holders, or every member. */
  QUORUM_OF: z
    .enum(["active", "voters", "members"], {
      error: "must be active (members who took part lately), voters (holders of VOTER_ROLES) or members (everyone)",
    })
    .default("active")
    .meta({
      group: "votes",
      description:
        "Who a `%` quorum is counted over: `active` (members who contributed, proposed or voted within `ACTIVE_WINDOW`; with `VOTER_ROLES` set, every holder of a voter role), `voters` (holders of `VOTER_ROLES`, which it requires) or `members` (every member who may vote: on a large server mostly people who never use Steward, so votes expire). Everyone eligible may vote whatever it says.",
    }),
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
    })
    .meta({
      group: "votes",
      description:
        "How far back taking part makes a member active: a number of epochs (`3 epochs`: the last 3 closed epochs and the open one; everything while fewer have closed) or a duration (`30d`).",
    }),
  PASS_THRESHOLD: z.coerce
    .number()
    .min(0)
    .max(0.99)
    .default(0.5)
    .meta({ group: "votes", description: "Basic votes pass when For / (For + Against) is above it (a tie fails)." }),
  VOTER_ROLES: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .meta({
      group: "votes",
      description:
        "Comma-separated roles (ids or names, as `MODERATOR_ROLE`) allowed to vote; unset: every member of the server.",
      unset: "*(everyone)*",
    }),
  VOTER_MIN_MEMBERSHIP: duration
    .prefault("0s")
    .meta({ group: "votes", description: "How long someone must have been in the server to vote." }),
  VOTE_WEIGHT: z.enum(["one-member-one-vote", "role-weighted", "erc20-balance"]).default("one-member-one-vote").meta({
    group: "votes",
    description:
      "`one-member-one-vote`, `role-weighted` (highest of `ROLE_WEIGHTS` among the voter's roles) or `erc20-balance` (the linked wallet's balance of `VOTE_TOKEN_ADDRESS` at the proposal's snapshot block, in whole tokens).",
  }),
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
    )
    .meta({ group: "votes", description: "For `role-weighted`: `Member=1,Moderator=2`." }),
  /** Any EVM JSON-RPC endpoint: settlement, and token balances for erc20-balance votes. Unset: a local chain. */
  RPC_URL: optionalString
    .pipe(z.url({ protocol: /^(https?|wss?)$/, error: "must be an http(s) or ws(s) URL" }).optional())
    .meta({
      group: "settlement",
      description:
        "Any EVM JSON-RPC endpoint: settlement (and `erc20-balance` votes). Unset with the sandbox: Steward's own local chain (Anvil, state in `STEWARD_DATA_DIR/chain`); unset on real Discord: payouts stop at `approved`. (Was `CHAIN_RPC_URL`, now refused with a message.) Secret: shown by scheme and host only.",
    }),
  /** Renamed RPC_URL; refused with a message saying so rather than silently ignored. */
  CHAIN_RPC_URL: optionalString.meta({
    group: "settlement",
    description: "The old name of `RPC_URL`: refused at boot with a message saying to rename it.",
  }),
  CHAIN_ID: optionalString
    .pipe(
      z
        .string()
        .regex(/^\d{1,12}$/, "must be a chain id (digits), e.g. 1 for Ethereum")
        .transform(Number)
        .optional(),
    )
    .meta({
      group: "settlement",
      description: "Required with `RPC_URL`; checked against the RPC's `eth_chainId` at boot.",
    }),
  TOKEN_ADDRESS: optionalString.pipe(address.optional()).meta({
    group: "settlement",
    description:
      "Required with `RPC_URL`: the ERC-20 paid out (any; tokens that return no bool work too; `steward chain deploy` prints it).",
  }),
  DISTRIBUTOR_ADDRESS: optionalString.pipe(address.optional()).meta({
    group: "settlement",
    description: "Required with `RPC_URL`: the `StewardDistributor` (`steward chain deploy` prints it).",
  }),
  /** The AuditAnchor contract (`steward chain deploy` prints it): the audit chain's head is published there. */
  ANCHOR_ADDRESS: optionalString.pipe(address.optional()).meta({
    group: "settlement",
    description:
      "The `AuditAnchor` contract (`steward chain deploy` prints it) the audit chain's head is published to with `RPC_URL`. Unset: heads are recorded and posted in `#governance` only. Steward's local chain deploys its own.",
  }),
  /**
   * The block the distributor was deployed in (`steward chain deploy` prints it): log queries start there, in ranges
   * RPC providers accept, instead of at block 0.
   */
  DEPLOYMENT_BLOCK: optionalString
    .pipe(
      z
        .string()
        .regex(/^\d{1,12}$/, "must be a block number")
        .transform(Number)
        .optional(),
    )
    .meta({
      group: "settlement",
      description:
        "The block the distributor was deployed in (`steward chain deploy` prints it): event queries start there, in ranges of 10,000 blocks (halved when a provider refuses a range), instead of at block 0.",
    }),
  /**
   * How long a held line (a recipient whose transfer failed) is its recipient's alone before moderators may return
   * it to the treasury: fixed in the distributor `steward chain deploy` makes.
   */
  CLAIM_PERIOD: duration.prefault("90d").meta({
    group: "settlement",
    description:
      "How long a held line (a recipient whose transfer the token refused) is its recipient's alone before a moderator may return it to the treasury; fixed in the distributor `steward chain deploy` makes, so set it before deploying.",
  }),
  EXPLORER_TX_URL: optionalString
    .pipe(
      z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
        .refine((v) => v.includes("{hash}"), "must contain {hash}, e.g. https://etherscan.io/tx/{hash}")
        .optional(),
    )
    .meta({
      group: "settlement",
      description: "Links transactions in receipts, e.g. `https://etherscan.io/tx/{hash}`.",
    }),
  MAX_FEE_GWEI: optionalString
    .pipe(
      z
        .string()
        .regex(/^\d+(\.\d+)?$/, "must be a number of gwei, e.g. 50")
        .transform(Number)
        .refine((v) => v > 0 && v <= 100_000, "must be above 0 and at most 100000")
        .optional(),
    )
    .meta({
      group: "settlement",
      description:
        "A chunk is not signed while the network asks more per gas; it fails with the reason and waits for `/payout retry`.",
    }),
  CONFIRMATIONS: z.coerce.number().int().min(1).max(100).default(1).meta({
    group: "settlement",
    description:
      "Blocks (including its own) before a payout counts as paid. `1` suits Steward's local chain; on a mainnet use what the chain's finality asks (e.g. 12 or more on Ethereum, more on chains that reorganise deeper).",
  }),
  /** A payout transaction not mined this many blocks after it was sent is replaced with higher fees (0: never). */
  FEE_BUMP_AFTER: z.coerce.number().int().min(0).max(10_000).default(20).meta({
    group: "settlement",
    description:
      "A payout transaction not mined this many blocks after it was sent is signed again at the same nonce with higher fees (up to `MAX_FEE_GWEI`); every transaction signed for the nonce is kept and whichever is mined is adopted. `0`: never.",
  }),
  SETTLEMENT_CRON: z.string().min(1).default("*/5 * * * *").meta({
    group: "settlement",
    description: "Schedule of `settle` (an approval also starts it at once, and so does a start).",
  }),
  SETTLEMENT_DAILY_CAP: optionalString.pipe(tokenAmount.optional()).meta({
    group: "settlement",
    description:
      "Smallest units paid per rolling 24 hours at most; a batch that would go over waits, and moderators are told once in `#payouts`.",
  }),
  SETTLEMENT_CHUNK_SIZE: optionalString
    .pipe(
      z
        .string()
        .regex(/^\d+$/, "must be a whole number of lines")
        .transform(Number)
        .refine((v) => v >= 1 && v <= MAX_CHUNK, `must be 1 to ${MAX_CHUNK} (what fits the per-transaction gas cap)`)
        .optional(),
    )
    .meta({
      group: "settlement",
      description: "Lines per `settle` transaction; never above what fits EIP-7825's 2^24 gas per transaction.",
      unset: `what fits the gas cap (${MAX_CHUNK})`,
    }),
  SETTLEMENT_MODE: z.enum(["send", "safe-export", "off"]).default("send").meta({
    group: "settlement",
    description:
      "`send`: Steward signs and sends from the treasury; `safe-export`: it posts each chunk as a Safe Transaction Builder file and records it once executed; `off`: payouts stop at `approved`.",
  }),
  /** SETTLEMENT_MODE=safe-export: the Safe that holds the tokens and is the distributor's operator. */
  SAFE_ADDRESS: optionalString.pipe(address.optional()).meta({
    group: "settlement",
    description:
      "With `safe-export` and `RPC_URL`: the Safe that holds the tokens and operates the distributor (instead of `TREASURY_PRIVATE_KEY`).",
  }),
  VOTE_TOKEN_ADDRESS: optionalString
    .pipe(
      z
        .string()
        .regex(/^0x[0-9a-fA-F]{40}$/, "must be an 0x address of 40 hex digits")
        .optional(),
    )
    .meta({
      group: "votes",
      description:
        "For `erc20-balance`: the ERC-20 whose balances on `RPC_URL` weigh votes (archive state for past blocks).",
    }),
  EXCLUDE_CONFLICTED_VOTES: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((v) => v === "true" || v === "1")
    .meta({
      group: "votes",
      description:
        "The result is always shown with and without the votes of the payout's recipients; `true` makes the second one binding.",
    }),
  APPROVALS_REQUIRED: z.coerce
    .number()
    .int()
    .min(1)
    .max(20)
    .default(2)
    .meta({ group: "approvals", description: "Moderator approvals a passed payout needs." }),
  AUTO_APPROVE_BELOW: tokenAmount.default(0n).meta({
    group: "approvals",
    description: "Payout totals below this (smallest unit) are approved without moderators.",
  }),
  LARGE_PAYOUT_ABOVE: optionalString
    .pipe(tokenAmount.optional())
    .meta({ group: "approvals", description: "Payout totals above this need one approval more." }),
  CLOSE_VOTES_CRON: z.string().min(1).default("* * * * *").meta({
    group: "votes",
    description: "Schedule of `close-votes` (a deadline watcher also starts it the second a vote ends).",
  }),
  VOTE_TALLY_DEBOUNCE: duration.prefault("2s").meta({
    group: "votes",
    description: "The live tally on a proposal is edited at most this often (Discord rate-limits message edits).",
  }),
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
    .refine((list) => list.every((s) => s <= 90 * 86_400), "a reminder cannot be more than 90d before the end")
    .meta({
      group: "votes",
      description:
        'When to remind before a vote or an epoch (`EPOCH_CRON`) closes, as durations before its end separated by commas (`s`, `m`, `h`, `d`; at least 1s); `off` or empty: no reminders. Each is a post in `#governance` (turnout against quorum, how many may still vote) and a DM to members who opted in with `/notify votes:on`, may vote and have not; before an epoch closes, a post with its contributions evaluated and awaiting evaluation; see "Reminders".',
    }),
  TREASURY_PRIVATE_KEY: optionalString
    .pipe(
      z
        .string()
        .regex(/^0x[0-9a-fA-F]{64}$/, "must be 0x followed by 64 hex digits")
        .optional(),
    )
    .meta({
      group: "settlement",
      description:
        '`0x` + 64 hex, required with `RPC_URL` (`send` mode): the treasury that holds the tokens, approved the distributor, and is its operator (signs `settle`). Secret. Anvil\'s public development keys (accounts 0–9 of the "test test … junk" mnemonic) are refused at boot with any `CHAIN_ID` but 31337, naming the account.',
    }),
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
  "GITHUB_TOKEN",
  "GITHUB_WEBHOOK_SECRET",
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

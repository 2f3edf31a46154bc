import type { TrustProxy } from "../base/parseTrustProxy.ts";
import type { Logger, Secret } from "../logger.ts";
import type { ServiceDeps } from "../services/deps.ts";

/** A dependency's state for /readyz: null when fine, else what is wrong in words. */
export type Probe = () => Promise<string | null> | string | null;

/** Filled in by startSteward as the parts come up (the bot and the chain start after the HTTP server). */
export interface Readiness {
  discord: Probe;
  chain: Probe;
}

export interface HttpDeps {
  services: ServiceDeps;
  logger: Logger;
  /** The guild the public pages show (DISCORD_GUILD_ID); without it, the one Steward's members belong to. */
  guildId?: string | undefined;
  /** How /readyz asks the Discord gateway and the chain; startSteward fills it in as they come up. */
  readiness?: Readiness;
  /** Requests a minute one address may make to each public API route (default 600). */
  publicRateLimit?: number;
  /** TRUST_PROXY: which proxies' X-Forwarded-For names the client, whose address the rate limits count (default none). */
  trustProxy?: TrustProxy;
  /** METRICS_TOKEN: when set, /metrics answers only `Authorization: Bearer <token>`. */
  metricsToken?: string | undefined;
  /** The configured secrets, scrubbed from what /readyz says (an RPC error quotes its URL, key and all). */
  secrets?: readonly Secret[];
  /** GITHUB_WEBHOOK_SECRET: when set, `POST /api/github/webhook` takes GitHub's signed deliveries. */
  githubWebhookSecret?: string | undefined;
  /** Shorter limits for tests; see REQUEST_TIMEOUT_MS. */
  timeouts?: { requestMs: number; checkEveryMs: number };
}

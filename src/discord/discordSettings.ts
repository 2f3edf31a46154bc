import type { Locale } from "../i18n/locales.ts";
/**
 * What the Discord adapter is configured with, grouped once at boot (`discordSettings` in the composition root) and
 * never changed: the adapter reads these, not the raw configuration.
 */
export interface DiscordSettings {
  /** Channel names or ids, per lane: CONTRIBUTIONS_CHANNEL, GOVERNANCE_CHANNEL, PAYOUTS_CHANNEL, COMPUTE_CHANNEL. */
  readonly channels: Readonly<{ contributions: string; governance: string; payouts: string; compute: string }>;
  /** MODERATOR_ROLE, as written (a role's name or id). */
  readonly moderatorRole: string;
  /** Every role the configuration names, with the setting it comes from (ROLE_WEIGHTS only when votes weigh roles). */
  readonly roles: readonly RoleSetting[];
  /** DISCORD_GUILD_ID: the servers Steward serves; absent in the sandbox, which serves its own guild. */
  readonly guildIds: readonly string[] | undefined;
  /** SETTLEMENT_MODE is safe-export: #payouts also receives the Safe batch file (Attach Files). */
  readonly safeExport: boolean;
  /** EXPLORER_TX_URL: where a transaction hash links to. */
  readonly explorerTxUrl: string | undefined;
  /** VOTE_TALLY_DEBOUNCE: how long a proposal's tally waits before its message is edited again. */
  readonly tallyEditDelayMs: number;
  /** GUILD_LOCALE: the language of public posts; unset, the guild's own (its preferred locale), else English. */
  readonly guildLocale: Locale | undefined;
}

/** How `steward doctor` reaches Discord: the bot token, else the sandbox this data directory runs. */
export interface DoctorConnection {
  readonly token: string | undefined;
  readonly apiUrl: string | undefined;
  readonly dataDir: string;
  readonly sandboxHost: string;
  readonly sandboxPort: number;
}

/** A role setting's value (a role's name or id, as written) and the setting it comes from. */
export interface RoleSetting {
  key: "MODERATOR_ROLE" | "PROVIDER_ROLE" | "VOTER_ROLES" | "ROLE_WEIGHTS" | "JUROR_ROLE" | "MENTOR_ROLE";
  value: string;
}

import type { Config } from "./config.ts";
import type { DiscordSettings, DoctorConnection, RoleSetting } from "./discord/discordSettings.ts";

/** Frozen all the way down: settings grouped at boot are read, never changed, by every part that holds them. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The Discord adapter's settings, grouped once from the parsed configuration. */
export function discordSettings(config: Config): DiscordSettings {
  const roles: RoleSetting[] = [
    { key: "MODERATOR_ROLE", value: config.MODERATOR_ROLE },
    { key: "PROVIDER_ROLE", value: config.PROVIDER_ROLE },
    // Jurors only matter with a jury.
    ...(config.CALIBRATION_SAMPLE === null ? [] : [{ key: "JUROR_ROLE" as const, value: config.JUROR_ROLE }]),
    { key: "MENTOR_ROLE", value: config.MENTOR_ROLE },
    ...config.VOTER_ROLES.map((value) => ({ key: "VOTER_ROLES" as const, value })),
    // Role weights name roles only when votes are weighed by role.
    ...(config.VOTE_WEIGHT === "role-weighted"
      ? Object.keys(config.ROLE_WEIGHTS).map((value) => ({ key: "ROLE_WEIGHTS" as const, value }))
      : []),
  ];
  return deepFreeze({
    channels: {
      contributions: config.CONTRIBUTIONS_CHANNEL,
      governance: config.GOVERNANCE_CHANNEL,
      payouts: config.PAYOUTS_CHANNEL,
      compute: config.COMPUTE_CHANNEL,
    },
    moderatorRole: config.MODERATOR_ROLE,
    roles,
    guildIds: config.DISCORD_GUILD_ID,
    safeExport: config.SETTLEMENT_MODE === "safe-export",
    explorerTxUrl: config.EXPLORER_TX_URL,
    tallyEditDelayMs: config.VOTE_TALLY_DEBOUNCE,
    guildLocale: config.GUILD_LOCALE,
  });
}

/** Where `steward doctor` finds Discord: DISCORD_TOKEN and DISCORD_API_URL, else this data directory's sandbox. */
export function doctorConnection(config: Config): DoctorConnection {
  return deepFreeze({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    dataDir: config.STEWARD_DATA_DIR,
    sandboxHost: config.SANDBOX_HOST,
    sandboxPort: config.SANDBOX_PORT,
  });
}

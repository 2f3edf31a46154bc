import type { Db } from "../db/openDatabase.ts";

/** What every service function is given: the database and the clock, passed explicitly from the container. */
export interface ServiceDeps {
  db: Db;
  now: () => Date;
  settings: ServiceSettings;
}

export interface ServiceSettings {
  walletChallengeTtlMs: number;
  duplicateSubmissionWindowMs: number;
}

/** Who is acting: a Discord user in a guild, or a scheduled job. */
export interface Actor {
  guildId: string;
  discordId: string;
  username: string;
}

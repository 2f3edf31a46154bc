import type { Database } from "../../src/db/openDatabase.ts";
import type { Actor, ServiceDeps } from "../../src/services/deps.ts";

export function serviceDeps(
  database: Database,
  clock = { now: new Date("2026-11-26T12:00:00Z") },
): ServiceDeps & { clock: { now: Date } } {
  return {
    db: database.prisma,
    now: () => new Date(clock.now),
    settings: { walletChallengeTtlMs: 600_000, duplicateSubmissionWindowMs: 60_000 },
    clock,
  };
}

export const actor = (discordId: string, username = `user${discordId}`): Actor => ({
  guildId: "100000000000000001",
  discordId,
  username,
});

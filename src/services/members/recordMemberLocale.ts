import { randomUUID } from "node:crypto";
import type { Actor, ServiceDeps } from "../deps.ts";

/**
 * Keeps the member's Discord language (an interaction's `locale`) for what reaches them outside an interaction: a
 * reminder DM. Written only when it changed; a member's first interaction makes their row, so the language is known
 * even when that first command is the one that asks for DMs.
 */
export async function recordMemberLocale(
  deps: Pick<ServiceDeps, "db" | "now">,
  actor: Actor,
  locale: string,
): Promise<void> {
  const now = deps.now();
  // One statement, race-free against the handler's own first-contact upsert of the same row.
  await deps.db.$executeRaw`
    INSERT INTO "Member" ("id", "guildId", "discordId", "username", "createdAt", "lastSeenAt", "locale")
    VALUES (${randomUUID()}, ${actor.guildId}, ${actor.discordId}, ${actor.username}, ${now}, ${now}, ${locale})
    ON CONFLICT ("guildId", "discordId") DO UPDATE SET "locale" = EXCLUDED."locale"
    WHERE "Member"."locale" IS DISTINCT FROM EXCLUDED."locale"`;
}

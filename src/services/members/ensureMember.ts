import type { Prisma } from "../../generated/prisma/client.ts";
import type { Actor } from "../deps.ts";

/** The member row for a Discord user in a guild, created on first contact. */
export function ensureMember(tx: Prisma.TransactionClient, actor: Actor, now: Date) {
  return tx.member.upsert({
    where: { guildId_discordId: { guildId: actor.guildId, discordId: actor.discordId } },
    create: {
      guildId: actor.guildId,
      discordId: actor.discordId,
      username: actor.username,
      createdAt: now,
      lastSeenAt: now,
    },
    update: { username: actor.username, lastSeenAt: now },
  });
}

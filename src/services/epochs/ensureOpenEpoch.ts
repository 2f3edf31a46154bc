import { isUniqueViolation } from "../../db/isUniqueViolation.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

/** The guild's open epoch, opening the first one on first use. */
export async function ensureOpenEpoch(db: Prisma.TransactionClient, guildId: string, budget: bigint, now: Date) {
  const open = await db.epoch.findUnique({ where: { openFor: guildId } });
  if (open) return open;
  const last = await db.epoch.findFirst({ where: { guildId }, orderBy: { number: "desc" } });
  // The first epoch opens on first use, which may come after contributions it covers: it starts with the earliest.
  const earliest = last
    ? null
    : await db.contribution.findFirst({
        where: { guildId, epochId: null },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true },
      });
  const startsAt = earliest && earliest.createdAt < now ? earliest.createdAt : now;
  try {
    return await db.epoch.create({
      data: { guildId, number: (last?.number ?? 0) + 1, openFor: guildId, startsAt, budget: budget.toString() },
    });
  } catch (error) {
    // Another caller opened it first (unique openFor): use theirs.
    if (!isUniqueViolation(error)) throw error;
    return db.epoch.findUniqueOrThrow({ where: { openFor: guildId } });
  }
}

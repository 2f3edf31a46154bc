import type { Prisma } from "../../generated/prisma/client.ts";

/**
 * Records the audit chain's current head (last event's id and hash) as an anchor to publish. Called inside the
 * transaction that closes an epoch, right after its `epoch.closed` event, so the distribution's post can show it;
 * and by `steward audit anchor`. The same head twice is one anchor (unique event id).
 */
export async function takeAnchor(
  tx: Prisma.TransactionClient,
  anchor: { guildId: string | null; reason: string; epochId?: number; now: Date },
) {
  const head = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  if (!head) return null;
  return tx.auditAnchor.upsert({
    where: { eventId: head.id },
    create: {
      guildId: anchor.guildId,
      eventId: head.id,
      hash: head.hash,
      reason: anchor.reason,
      ...(anchor.epochId === undefined ? {} : { epochId: anchor.epochId }),
      createdAt: anchor.now,
    },
    update: {},
  });
}

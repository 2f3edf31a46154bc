import type { Prisma } from "../../generated/prisma/client.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";

/**
 * A distribution that will not be paid (rejected, expired for lack of quorum, or vetoed) gives its rewards back:
 * its contributions return to `evaluated` outside any epoch and the carries it would have paid are open again, so
 * the next epoch's distribution includes them (a moderator can meanwhile override or clear what members objected
 * to). Runs in the transaction that ends the proposal, so either both happen or neither.
 */
export async function releaseDistribution(
  tx: Prisma.TransactionClient,
  proposal: { id: number; kind: string; epochId: number | null; guildId: string },
  actorId: string,
  now: Date,
) {
  if (proposal.kind !== "distribution" || proposal.epochId === null) return { contributions: 0, carries: 0 };
  const released = await tx.contribution.findMany({
    where: { epochId: proposal.epochId, status: "final" },
    select: { id: true },
  });
  await tx.contribution.updateMany({
    where: { id: { in: released.map((c) => c.id) } },
    data: { status: "evaluated", epochId: null },
  });
  const carries = await tx.rewardCarry.updateMany({
    where: { paidInEpochId: proposal.epochId },
    data: { paidInEpochId: null },
  });
  await appendAuditEvent(tx, {
    guildId: proposal.guildId,
    actorId,
    action: "distribution.released",
    subjectType: "proposal",
    subjectId: String(proposal.id),
    payload: { epochId: proposal.epochId, contributions: released.map((c) => c.id), carries: carries.count },
    createdAt: now,
  });
  return { contributions: released.length, carries: carries.count };
}

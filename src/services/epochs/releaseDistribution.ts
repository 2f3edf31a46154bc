import type { Prisma } from "../../generated/prisma/client.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { releaseMentorShares } from "../mentorship/addMentorShares.ts";

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
  const compute = await releaseCompute(tx, proposal.epochId, proposal.guildId, now);
  // Jurors' reviews it would have paid: the next close pays them.
  await tx.jurorReview.updateMany({ where: { paidInEpochId: proposal.epochId }, data: { paidInEpochId: null } });
  // Mentors' shares it would have paid: the next close decides them again, from what it pays.
  const mentorShares = await releaseMentorShares(tx, proposal.epochId);
  await appendAuditEvent(tx, {
    guildId: proposal.guildId,
    actorId,
    action: "distribution.released",
    subjectType: "proposal",
    subjectId: String(proposal.id),
    payload: {
      epochId: proposal.epochId,
      contributions: released.map((c) => c.id),
      ...(mentorShares.length > 0 ? { mentorShares } : {}),
      carries: carries.count,
      leases: compute.leases,
      uptimeCarried: compute.uptime,
    },
    createdAt: now,
  });
  return { contributions: released.length, carries: carries.count, ...compute };
}

/**
 * The compute rewards the distribution held go back too, each exactly once: its leases are offered again at the next
 * close (they are ended and delivered: the same amount), and each node's uptime window, which no later epoch covers,
 * becomes a carry to its provider. The released rewards stay on record (`releasedAt`), their keys set aside so the
 * next close can reward the same lease.
 */
async function releaseCompute(tx: Prisma.TransactionClient, epochId: number, guildId: string, now: Date) {
  const held = await tx.computeReward.findMany({ where: { epochId, releasedAt: null } });
  const nodes = await tx.computeNode.findMany({
    where: { id: { in: held.map((r) => r.nodeId) } },
    select: { id: true, providerId: true },
  });
  const providerOf = new Map(nodes.map((n) => [n.id, n.providerId]));
  const leases = await tx.lease.updateMany({
    where: { paidInEpochId: epochId },
    data: { paidInEpochId: null, paidAmount: null },
  });
  const uptime = held.filter((r) => r.kind === "uptime");
  for (const r of uptime) {
    const memberId = providerOf.get(r.nodeId);
    if (!memberId) continue;
    await tx.rewardCarry.create({
      data: { guildId, memberId, amount: r.amount, fromEpochId: epochId, createdAt: now },
    });
  }
  await tx.$executeRawUnsafe(
    `UPDATE "ComputeReward" SET "releasedAt" = $1::timestamptz AT TIME ZONE 'UTC', "key" = "key" || '@released:' || "epochId"
     WHERE "epochId" = $2 AND "releasedAt" IS NULL`,
    now.toISOString(),
    epochId,
  );
  return { leases: leases.count, uptime: uptime.length };
}

import type { Prisma } from "../../../generated/prisma/client.ts";
import type { computeShares } from "../../compute/computeShares.ts";
import type { MemberShare } from "./memberShares.ts";

/**
 * What the close pays or carries, marked so no later epoch counts it again: carries for members without a wallet,
 * ended leases paid, compute rewards, earlier carries now paid, and the contributions made final in this epoch.
 */
export async function recordPaidWork(
  tx: Prisma.TransactionClient,
  o: { guildId: string; epochId: number; now: Date },
  paid: {
    walletless: MemberShare[];
    payable: MemberShare[];
    compute: Awaited<ReturnType<typeof computeShares>>;
    contributionIds: number[];
  },
): Promise<void> {
  const { guildId, epochId, now } = o;
  for (const s of paid.walletless) {
    await tx.rewardCarry.create({
      data: { guildId, memberId: s.memberId, amount: s.amount.toString(), fromEpochId: epochId, createdAt: now },
    });
  }
  for (const l of paid.compute.settledLeases) {
    await tx.lease.update({
      where: { id: l.id },
      data: { paidInEpochId: epochId, paidAmount: l.amount.toString() },
    });
  }
  for (const r of paid.compute.rewards) {
    await tx.computeReward.create({
      data: {
        guildId,
        epochId,
        nodeId: r.nodeId,
        kind: r.kind,
        key: r.key,
        leaseId: r.leaseId,
        amount: r.amount.toString(),
        coveredMs: BigInt(r.coveredMs),
        weight: r.weight,
        createdAt: now,
      },
    });
  }
  const paidCarryIds = paid.payable.flatMap((s) => s.carryIds);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the guard only saves a query (an empty `in` updates nothing)
  if (paidCarryIds.length > 0) {
    await tx.rewardCarry.updateMany({ where: { id: { in: paidCarryIds } }, data: { paidInEpochId: epochId } });
  }
  await tx.contribution.updateMany({
    where: { id: { in: paid.contributionIds }, status: "evaluated" },
    data: { status: "final", epochId },
  });
}

import type { Prisma } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../deps.ts";
import type { MemberShares } from "../epochs/closing/memberShares.ts";

/**
 * Jurors' pay joins the members' shares at the close: JUROR_REWARD for each completed review not yet paid (this
 * epoch's, or one a released distribution gave back), on the juror's own line (ref `jury:<reviewId>`), from the
 * epoch budget and scaled with the rest when the budget is short. The amount is fixed per review, whatever the
 * juror scored, so no juror decides their own pay; a juror without a wallet is carried like any member.
 */
export async function addJurorShares(
  tx: Prisma.TransactionClient,
  deps: Pick<ServiceDeps, "calibration">,
  guildId: string,
  shares: MemberShares,
): Promise<{ reviewIds: number[]; total: bigint; jurors: number }> {
  const reward = deps.calibration.jurorReward;
  if (reward === 0n) return { reviewIds: [], total: 0n, jurors: 0 };
  const reviews = await tx.jurorReview.findMany({
    where: { paidInEpochId: null, item: { sample: { guildId } } },
    // Stryker disable next-line ObjectLiteral: order only (refs are sorted in the batch, amounts summed)
    orderBy: { id: "asc" },
  });
  const members = await tx.member.findMany({
    where: { id: { in: [...new Set(reviews.map((r) => r.jurorId))] } },
    include: { wallets: { where: { activeFor: { not: null } } } },
  });
  const memberOf = new Map(members.map((m) => [m.id, m]));
  for (const r of reviews) {
    const m = memberOf.get(r.jurorId);
    // Stryker disable next-line ConditionalExpression: a review's juror is a member (written by ensureMember); members are never deleted
    if (!m) continue;
    const s = shares.shareFor(m.id, m.discordId, m.wallets[0]?.address ?? null);
    s.amount += reward;
    s.refs.push(`jury:${r.id}`);
  }
  return {
    reviewIds: reviews.map((r) => r.id),
    total: reward * BigInt(reviews.length),
    jurors: members.length,
  };
}

/** The reviews this close paid (or carried): no later close pays them again. */
export async function markJurorReviewsPaid(tx: Prisma.TransactionClient, reviewIds: number[], epochId: number) {
  // Stryker disable next-line ConditionalExpression: the guard only saves a query (an empty `in` updates nothing)
  if (reviewIds.length === 0) return;
  await tx.jurorReview.updateMany({ where: { id: { in: reviewIds } }, data: { paidInEpochId: epochId } });
}

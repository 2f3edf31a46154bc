import { toUnits } from "../../../db/decimalUnits.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../deps.ts";
import { UserError } from "../../errors.ts";
import { awaitingReview } from "../../evaluations/clearEvaluation.ts";

/**
 * The evaluated contributions not yet in an epoch, with their active evaluation's suggested reward; those with an
 * open appeal (refused outright when OPEN_APPEALS is `block`) or flagged for a human are left for a later epoch.
 */
export async function contributionsToPay(
  tx: Prisma.TransactionClient,
  deps: Pick<ServiceDeps, "epochs">,
  guildId: string,
  now: Date,
) {
  const candidates = await tx.contribution.findMany({
    where: { guildId, epochId: null, status: "evaluated", createdAt: { lte: now } },
    include: { author: { include: { wallets: { where: { activeFor: { not: null } } } } } },
    // Stryker disable next-line ObjectLiteral: order only (refs are sorted in the batch); rows come back in id order anyway
    orderBy: { id: "asc" },
  });
  const openAppeals = await tx.appeal.findMany({
    where: { status: "open", contributionId: { in: candidates.map((c) => c.id) } },
    select: { id: true, contributionId: true },
  });
  if (openAppeals.length > 0 && deps.epochs.openAppeals === "block") {
    throw new UserError("epoch_blocked_by_appeals", { appeals: openAppeals.map((a) => a.id) });
  }
  const appealed = new Set(openAppeals.map((a) => a.contributionId));
  // Flagged for a human and not yet cleared or overridden: paid nothing now, left for a later epoch.
  const flagged = await tx.evaluation.findMany({
    where: { activeFor: { in: candidates.map((c) => c.id) }, ...awaitingReview },
    select: { activeFor: true },
  });
  const held = new Set(flagged.map((e) => e.activeFor as number));
  const included = candidates.filter((c) => !appealed.has(c.id) && !held.has(c.id));
  // Stryker disable next-line ObjectLiteral: the filter only narrows the read; rewards are looked up by the included ids
  const evaluations = await tx.evaluation.findMany({
    // Stryker disable next-line ObjectLiteral: as above
    where: { activeFor: { in: included.map((c) => c.id) } },
    select: { activeFor: true, suggestedReward: true, policyVersion: true },
  });
  const rewardOf = new Map(evaluations.map((e) => [e.activeFor, toUnits(e.suggestedReward)]));
  // The evaluation policy version each reward was computed under: part of the batch the vote binds.
  const policyOf = new Map(evaluations.map((e) => [e.activeFor as number, e.policyVersion]));
  return { included, appealed, held, rewardOf, policyOf };
}

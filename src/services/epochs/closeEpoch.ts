import { tokenAmountText } from "../../base/token.ts";
import { toUnits } from "../../db/decimalUnits.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import { takeAnchor } from "../audit/takeAnchor.ts";
import { budgetFloors } from "../budget/budgetFloors.ts";
import { applyCalibrationPolicy } from "../calibration/applyCalibrationPolicy.ts";
import { epochAgreement } from "../calibration/epochAgreement.ts";
import { addJurorShares, markJurorReviewsPaid } from "../calibration/jurorShares.ts";
import type { ServiceDeps } from "../deps.ts";
import { addMentorShares } from "../mentorship/addMentorShares.ts";
import { governedEvaluationDeps } from "../policy/policyEvaluation.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { batchHash, canonicalEntries } from "./batchHash.ts";
import { addComputeLines } from "./closing/addComputeLines.ts";
import { budgetLines } from "./closing/budgetLines.ts";
import { contributionsToPay } from "./closing/contributionsToPay.ts";
import { distributionFactsJson } from "./closing/distributionFactsJson.ts";
import { type DistributionFigures, distributionProposalText } from "./closing/distributionProposalText.ts";
import { memberShares } from "./closing/memberShares.ts";
import { recordPaidWork } from "./closing/recordPaidWork.ts";
import { ensureOpenEpoch } from "./ensureOpenEpoch.ts";

/**
 * Closes the guild's open epoch and drafts its distribution proposal, in one transaction:
 * - every evaluated contribution not yet in an epoch counts with its active evaluation's suggested reward, plus
 *   what earlier epochs carried for its author;
 * - members with a verified wallet share the budget (allocateBudget: exact integer scaling, remainder by largest
 *   remainders); members without one get a RewardCarry for their full share, paid by a later distribution;
 * - contributions become `final`, the proposal (kind distribution, status draft) carries the batch and its hash,
 *   the next epoch opens, and the close is audited.
 */
export async function closeEpoch(
  deps: Pick<ServiceDeps, "calibration" | "compute" | "db" | "epochs" | "evaluation" | "mentorship" | "now" | "token">,
  guildId: string,
  actorId: string,
) {
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const epoch = await ensureOpenEpoch(tx, guildId, deps.epochs.budget, now);
    // The weights and caps of the policy governing this epoch (adopted by a vote, else the configuration's).
    const evaluation = await governedEvaluationDeps(tx, deps.evaluation, guildId);
    const agreement = await epochAgreement(tx, evaluation.rubric, epoch.id);
    // Before choosing what to pay: below the jury's minimum agreement, `hold` flags sampled evaluations (left out
    // below like any flagged one) and `jury` replaces sampled items' rewards.
    const policy = await applyCalibrationPolicy(
      tx,
      { ...deps, evaluation },
      { guildId, epochId: epoch.id, now, actorId },
      agreement,
    );
    const { included, appealed, held, rewardOf, policyOf } = await contributionsToPay(tx, deps, guildId, now);
    // The jury's reward replaces the model's only on what this close pays.
    const calibration = policy && {
      ...policy,
      juryPaid: policy.juryPaid.filter((c) => rewardOf.has(c.contributionId)),
    };
    for (const c of calibration?.juryPaid ?? []) rewardOf.set(c.contributionId, c.juryReward);
    const shares = await memberShares(tx, guildId, { included, rewardOf, policyOf });
    const jury = await addJurorShares(tx, deps, guildId, shares);
    const mentors = await addMentorShares(tx, deps, { guildId, epochId: epoch.id, now }, included, rewardOf, shares);
    const budget = toUnits(epoch.budget);
    // The floors moderators set: read at the close, so the distribution put to the vote shows what they did.
    const floors = await budgetFloors(tx, guildId);
    const { payable, walletless, lines, total, scaled, floors: floorFacts } = budgetLines(shares, budget, floors);
    const compute = await addComputeLines(tx, deps, { guildId, epoch, now }, shares, lines, walletless);
    const computeTotal = compute.rewards.reduce((n, r) => n + r.amount, 0n);
    // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: a line scaled down to 0 units needs a budget below the member count in smallest units; allocateBudget's tests pin that rounding
    const batch = lines.filter((e) => BigInt(e.amount) > 0n);
    const canonical = canonicalEntries(batch);
    const hash = batchHash(batch);
    const paid = canonical.reduce((n, e) => n + BigInt(e.amount), 0n);
    const carriedTotal = walletless.reduce((n, s) => n + s.amount, 0n);

    const figures: DistributionFigures = {
      epochNumber: epoch.number,
      budget,
      computeBudget: deps.compute.budget,
      total,
      scaled,
      floors: floorFacts,
      paid,
      recipients: canonical.length,
      paidContributions: canonical.flatMap((e) => e.refs).filter((r) => r.startsWith("contribution:")).length,
      computeTotal,
      computeRewards: compute.rewards,
      walletless: walletless.length,
      carriedTotal,
      appealed,
      held,
      jury: { ...jury, agreement, minAgreement: deps.calibration.minAgreement, calibration },
      mentors,
    };
    // Nothing payable (no evaluated contributions, or only members without a wallet): no proposal to vote on.
    const proposal =
      canonical.length === 0
        ? null
        : await tx.proposal.create({
            data: {
              guildId,
              kind: "distribution",
              authorDiscordId: actorId,
              // The English record (read and hashed as it is), and its figures for the views to word per reader.
              ...distributionProposalText(figures, (units) => tokenAmountText(units, deps.token)),
              distributionFacts: distributionFactsJson(figures),
              batch: canonical,
              batchHash: hash,
              epochId: epoch.id,
              createdAt: now,
            },
            // What the close returns stays the record it always was; the facts are read with the proposal.
            omit: { distributionFacts: true },
          });
    await recordPaidWork(
      tx,
      { guildId, epochId: epoch.id, now },
      { walletless, payable, compute, contributionIds: included.map((c) => c.id) },
    );
    await markJurorReviewsPaid(tx, jury.reviewIds, epoch.id);
    const closed = await tx.epoch.updateMany({
      where: { id: epoch.id, status: "open" },
      data: { status: "closed", openFor: null, closedAt: now, closedBy: actorId },
    });
    // Stryker disable next-line ConditionalExpression,StringLiteral: reached only when another close commits between this one's read and this update (a race a single-connection test cannot stage); the transaction then rolls back
    if (closed.count === 0) throw new Error(`epoch ${epoch.id} was closed concurrently`);
    const next = await ensureOpenEpoch(tx, guildId, deps.epochs.budget, now);
    await appendAuditEvent(tx, {
      guildId,
      actorId,
      action: "epoch.closed",
      subjectType: "epoch",
      subjectId: String(epoch.id),
      payload: {
        number: epoch.number,
        proposalId: proposal?.id ?? null,
        batchHash: hash,
        budget: budget.toString(),
        suggestedTotal: total.toString(),
        paid: paid.toString(),
        carried: carriedTotal.toString(),
        contributions: included.map((c) => c.id),
        leftForNextEpoch: [...appealed],
        heldForReview: [...held],
        ...(compute.rewards.length > 0
          ? { compute: compute.rewards.map((r) => ({ key: r.key, amount: r.amount.toString() })) }
          : {}),
        ...(mentors.paid.length > 0 || mentors.refused.length > 0
          ? {
              mentors: {
                paid: mentors.paid.map((m) => ({ ...m, amount: m.amount.toString() })),
                refused: mentors.refused,
              },
            }
          : {}),
        ...(jury.reviewIds.length > 0 ? { juryReviews: jury.reviewIds, juryTotal: jury.total.toString() } : {}),
        ...(agreement
          ? {
              jury: {
                items: agreement.items,
                jurors: agreement.jurors,
                spearman: agreement.overall.spearman,
                meanDifference: agreement.overall.meanDifference,
              },
            }
          : {}),
        ...(calibration
          ? {
              calibrationPolicy: {
                policy: calibration.policy,
                held: calibration.held.map((c) => c.contributionId),
                juryPaid: calibration.juryPaid.map((c) => ({
                  contributionId: c.contributionId,
                  modelTotal: c.modelTotal,
                  juryTotal: c.juryTotal,
                  modelReward: c.modelReward.toString(),
                  juryReward: c.juryReward.toString(),
                })),
              },
            }
          : {}),
      },
      createdAt: now,
    });
    // The chain's head right after the close: the distribution's post shows it, and it is published on chain.
    await takeAnchor(tx, { guildId, reason: `epoch ${epoch.number} closed`, epochId: epoch.id, now });
    if (proposal) await enqueuePosts(tx, now, [{ guildId, kind: "proposal", subjectId: proposal.id }]);
    // Moderators are told when the jury disagrees with the model, whatever the policy did.
    if (calibration) {
      await enqueuePosts(tx, now, [
        {
          guildId,
          kind: "note",
          note: {
            channel: "governance",
            fact: {
              kind: "jury_disagrees",
              epochNumber: epoch.number,
              proposalId: proposal?.id ?? null,
              spearman: calibration.spearman,
              minAgreement: calibration.minAgreement,
              policy: calibration.policy,
              held: calibration.held.map((c) => c.contributionId),
              juryPaid: calibration.juryPaid.map((c) => c.contributionId),
            },
          },
        },
      ]);
    }
    return {
      epoch,
      next,
      proposal,
      batch: canonical,
      carried: walletless.map((s) => ({ discordId: s.discordId, amount: s.amount })),
      suggestedTotal: total,
      scaled,
      contributions: included.length,
      // Only when a mentor's share was decided: a close without one reads as before.
      ...(mentors.paid.length > 0 || mentors.refused.length > 0 ? { mentors } : {}),
      leftForNextEpoch: appealed.size,
      heldForReview: held.size,
      // Only with a jury this epoch (a sample, or reviews paid): a close without one reads as before.
      ...(agreement || jury.reviewIds.length > 0 ? { jury: { ...jury, agreement, calibration } } : {}),
      compute: {
        total: computeTotal,
        budget: deps.compute.budget,
        uptimeRewards: compute.rewards.filter((r) => r.kind === "uptime").length,
        leaseRewards: compute.rewards.filter((r) => r.kind === "lease").length,
        providers: compute.shares.length,
      },
    };
  });
}

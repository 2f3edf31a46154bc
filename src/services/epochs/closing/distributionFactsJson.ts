import type { DistributionFacts } from "../../../base/distributionFacts.ts";
import type { DistributionFigures } from "./distributionProposalText.ts";

const ascending = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);

/**
 * The figures a distribution proposal's text is made from, as its JSON column stores them (bigints as decimal
 * strings, sets as sorted lists), for the views to word in each reader's language.
 */
export function distributionFactsJson(f: DistributionFigures): DistributionFacts {
  const jury = f.jury;
  return {
    epochNumber: f.epochNumber,
    budget: f.budget.toString(),
    computeBudget: f.computeBudget.toString(),
    total: f.total.toString(),
    scaled: f.scaled,
    floors: (f.floors ?? []).map((x) => ({
      category: x.category,
      shareBps: x.shareBps,
      floor: x.floor.toString(),
      requested: x.requested.toString(),
      reserved: x.reserved.toString(),
      contributions: x.contributions,
    })),
    paid: f.paid.toString(),
    recipients: f.recipients,
    paidContributions: f.paidContributions,
    computeTotal: f.computeTotal.toString(),
    computeRewards: f.computeRewards.map((r) => ({
      kind: r.kind,
      nodeId: r.nodeId,
      leaseId: r.leaseId,
      amount: r.amount.toString(),
    })),
    walletless: f.walletless,
    carriedTotal: f.carriedTotal.toString(),
    appealed: ascending(f.appealed),
    held: ascending(f.held),
    jury: jury
      ? {
          reviews: jury.reviewIds.length,
          total: jury.total.toString(),
          jurors: jury.jurors,
          agreement: jury.agreement && {
            sampled: jury.agreement.sampled,
            items: jury.agreement.items,
            jurors: jury.agreement.jurors,
            reviews: jury.agreement.reviews,
            spearman: jury.agreement.overall.spearman,
            meanDifference: jury.agreement.overall.meanDifference,
          },
          minAgreement: jury.minAgreement,
          calibration: jury.calibration
            ? {
                policy: jury.calibration.policy,
                held: jury.calibration.held.map((h) => ({
                  contributionId: h.contributionId,
                  modelTotal: h.modelTotal,
                  juryTotal: h.juryTotal,
                })),
                juryPaid: jury.calibration.juryPaid.map((j) => ({
                  contributionId: j.contributionId,
                  modelTotal: j.modelTotal,
                  juryTotal: j.juryTotal,
                  modelReward: j.modelReward.toString(),
                  juryReward: j.juryReward.toString(),
                })),
              }
            : null,
        }
      : null,
    mentors: f.mentors
      ? {
          shareBps: f.mentors.shareBps,
          paid: f.mentors.paid.map((p) => ({ ...p, amount: p.amount.toString() })),
          refused: f.mentors.refused.map((r) => ({ contributionId: r.contributionId, reason: r.reason })),
        }
      : null,
  };
}

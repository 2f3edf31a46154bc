import type { Agreement } from "../../calibration/agreement.ts";
import type { ComputeReward } from "../../compute/computeShares.ts";
import { juryAgreementText } from "./juryAgreementText.ts";

export interface DistributionFigures {
  epochNumber: number;
  budget: bigint;
  computeBudget: bigint;
  /** The suggested total before scaling, and whether it was scaled down to the budget. */
  total: bigint;
  scaled: boolean;
  paid: bigint;
  recipients: number;
  paidContributions: number;
  computeTotal: bigint;
  computeRewards: ComputeReward[];
  walletless: number;
  carriedTotal: bigint;
  appealed: ReadonlySet<number>;
  held: ReadonlySet<number>;
  /** The blind jury: its pay in this batch and its agreement with the model (absent: no jury figures). */
  jury?: {
    reviewIds: number[];
    total: bigint;
    jurors: number;
    agreement: (Agreement & { sampled: number }) | null;
    minAgreement: number;
  };
}

/** The words of an epoch's distribution proposal: its title, what it pays and how the figures were reached. */
export function distributionProposalText(f: DistributionFigures, tokens: (units: bigint) => string) {
  return {
    title: `Epoch ${f.epochNumber} reward distribution`,
    summary: `Pays ${tokens(f.paid)} to ${f.recipients} member(s) for ${f.paidContributions} contribution(s)${f.computeTotal > 0n ? ` and ${tokens(f.computeTotal)} of compute (${f.computeRewards.length} node uptime and lease reward(s))` : ""} of epoch ${f.epochNumber}${f.scaled ? `, scaled down from ${tokens(f.total)} to the budget of ${tokens(f.budget)}` : ""}.${f.walletless > 0 ? ` ${f.walletless} member(s) without a verified wallet: ${tokens(f.carriedTotal)} carried to the next epoch.` : ""}`,
    motivation: "Rewards for the contributions evaluated this epoch, from their active evaluations' suggested rewards.",
    specification: [
      `Budget: ${tokens(f.budget)}. Suggested total: ${tokens(f.total)}. ${f.scaled ? "Scaled: each share × budget / total, rounded down; the smallest units lost to rounding go one each to the largest remainders." : "Within budget: paid as suggested."}`,
      ...(f.computeTotal > 0n
        ? [
            `Compute: ${tokens(f.computeBudget)} shared by verified capacity × uptime, plus each ended lease's delivered GPU-hours × its price: ${f.computeRewards.map((r) => `${r.kind === "lease" ? `lease #${r.leaseId}` : `node #${r.nodeId} uptime`} ${tokens(r.amount)}`).join(", ")}.`,
          ]
        : []),
      ...(f.jury?.agreement ? [juryAgreementText(f.jury.agreement, f.jury.minAgreement)] : []),
      ...(f.jury && f.jury.reviewIds.length > 0
        ? [
            `Jurors: ${tokens(f.jury.total)} for ${f.jury.reviewIds.length} completed review(s) by ${f.jury.jurors} juror(s), a fixed amount per review, from the epoch budget.`,
          ]
        : []),
      ...(f.appealed.size > 0
        ? [`Left for the next epoch (open appeals): ${[...f.appealed].map((id) => `#${id}`).join(", ")}.`]
        : []),
      ...(f.held.size > 0
        ? [
            `Left for the next epoch (flagged, waiting for a moderator): ${[...f.held].map((id) => `#${id}`).join(", ")}.`,
          ]
        : []),
    ].join("\n"),
    risks: "A recipient address may be wrong; members check their own line before voting.",
    successMetrics: "Every payout in the batch is settled on-chain with a receipt.",
  };
}

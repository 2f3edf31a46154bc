import type { Agreement } from "../../calibration/agreement.ts";
import type { CalibrationPolicyOutcome } from "../../calibration/applyCalibrationPolicy.ts";
import type { ComputeReward } from "../../compute/computeShares.ts";
import type { MentorFacts } from "../../mentorship/addMentorShares.ts";
import type { FloorFact } from "./budgetLines.ts";
import { juryAgreementText } from "./juryAgreementText.ts";

export interface DistributionFigures {
  epochNumber: number;
  budget: bigint;
  computeBudget: bigint;
  /** The suggested total before scaling, and whether it was scaled down to the budget. */
  total: bigint;
  scaled: boolean;
  /** What each category floor did (absent or empty: no floors). */
  floors?: readonly FloorFact[];
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
    /** What CALIBRATION_POLICY did because agreement was below the minimum (null or absent: nothing). */
    calibration?: CalibrationPolicyOutcome | null;
  };
  /** Mentors' shares of their newcomers' first paid contributions (absent: none this close). */
  mentors?: MentorFacts;
}

/** The words of an epoch's distribution proposal: its title, what it pays and how the figures were reached. */
export function distributionProposalText(f: DistributionFigures, tokens: (units: bigint) => string) {
  return {
    title: `Epoch ${f.epochNumber} reward distribution`,
    summary: `Pays ${tokens(f.paid)} to ${f.recipients} member(s) for ${f.paidContributions} contribution(s)${f.computeTotal > 0n ? ` and ${tokens(f.computeTotal)} of compute (${f.computeRewards.length} node uptime and lease reward(s))` : ""} of epoch ${f.epochNumber}${f.scaled ? `, scaled down from ${tokens(f.total)} to the budget of ${tokens(f.budget)}` : ""}.${f.walletless > 0 ? ` ${f.walletless} member(s) without a verified wallet: ${tokens(f.carriedTotal)} carried to the next epoch.` : ""}`,
    motivation: "Rewards for the contributions evaluated this epoch, from their active evaluations' suggested rewards.",
    specification: [
      `Budget: ${tokens(f.budget)}. Suggested total: ${tokens(f.total)}. ${f.scaled ? "Scaled: each share × budget / total, rounded down; the smallest units lost to rounding go one each to the largest remainders." : "Within budget: paid as suggested."}`,
      ...(f.floors && f.floors.length > 0 ? [floorsText(f.floors, f.scaled, tokens)] : []),
      ...(f.computeTotal > 0n
        ? [
            `Compute: ${tokens(f.computeBudget)} shared by verified capacity × uptime, plus each ended lease's delivered GPU-hours × its price: ${f.computeRewards.map((r) => `${r.kind === "lease" ? `lease #${r.leaseId}` : `node #${r.nodeId} uptime`} ${tokens(r.amount)}`).join(", ")}.`,
          ]
        : []),
      ...(f.jury?.agreement ? [juryAgreementText(f.jury.agreement, f.jury.minAgreement)] : []),
      ...(f.jury?.calibration ? [calibrationPolicyText(f.jury.calibration, tokens)] : []),
      ...(f.jury && f.jury.reviewIds.length > 0
        ? [
            `Jurors: ${tokens(f.jury.total)} for ${f.jury.reviewIds.length} completed review(s) by ${f.jury.jurors} juror(s), a fixed amount per review, from the epoch budget.`,
          ]
        : []),
      ...(f.mentors ? mentorLines(f.mentors, tokens) : []),
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

/**
 * Mentors' lines, stated before the vote so members see them: MENTOR_SHARE of each newcomer's first paid reward,
 * from the epoch budget; a first paid contribution whose mentor shares a wallet with its author earns nothing.
 */
function mentorLines(m: MentorFacts, tokens: (units: bigint) => string): string[] {
  const percent = `${m.shareBps / 100}%`;
  return [
    ...(m.paid.length > 0
      ? [
          `Mentors: ${percent} of a newcomer's first paid contribution, from the epoch budget: ${m.paid.map((p) => `${tokens(p.amount)} to <@${p.mentor}> for mentoring <@${p.newcomer}> (contribution #${p.contributionId})`).join(", ")}.`,
        ]
      : []),
    ...(m.refused.length > 0
      ? [
          `No mentor's share for ${m.refused.map((r) => `#${r.contributionId}`).join(", ")}: the mentor shares a wallet with the newcomer.`,
        ]
      : []),
  ];
}

/** What the close did because the jury disagreed with the model, in plain words. */
function calibrationPolicyText(c: CalibrationPolicyOutcome, tokens: (units: bigint) => string): string {
  if (c.policy === "hold") {
    return c.held.length === 0
      ? "Policy (hold): no sampled evaluation was held; on each the jury's score was within a point of the model's, or a person had already looked."
      : `Policy (hold): held for a moderator, paying nothing in this distribution until a person clears them: ${c.held.map((h) => `#${h.contributionId} (model ${h.modelTotal}/100, jury ${h.juryTotal}/100)`).join(", ")}.`;
  }
  return c.juryPaid.length === 0
    ? "Policy (jury): no sampled item is paid in this distribution."
    : `Policy (jury): these sampled items are paid the jury's score, not the model's: ${c.juryPaid.map((j) => `#${j.contributionId} ${tokens(j.juryReward)} (jury ${j.juryTotal}/100; the model's ${j.modelTotal}/100 would pay ${tokens(j.modelReward)})`).join(", ")}.`;
}

/** What the category floors did: the reserved share of each, or why it changed nothing. */
function floorsText(floors: readonly FloorFact[], scaled: boolean, tokens: (units: bigint) => string): string {
  const percent = (bps: number) => `${bps / 100}%`;
  const parts = floors.map((f) => {
    const work = `${f.contributions} contribution(s)`;
    if (f.requested === 0n) return `${f.category} (${percent(f.shareBps)} floor): no contribution this epoch`;
    if (!scaled) return `${f.category} (${percent(f.shareBps)} floor): not needed, the budget covers every reward`;
    if (f.requested <= f.floor)
      return `${f.category} asked for less than its ${percent(f.shareBps)} floor (${tokens(f.floor)}): its ${work} paid in full, ${tokens(f.requested)}`;
    return `${f.category} received its ${percent(f.shareBps)} floor first: ${tokens(f.reserved)} for ${work}, then its share of the rest by score`;
  });
  return `Category floors: ${parts.join("; ")}.`;
}

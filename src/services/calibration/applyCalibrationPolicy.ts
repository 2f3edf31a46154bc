import { toUnits } from "../../db/decimalUnits.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { weightedTotal } from "../../llm/evaluationTypes.ts";
import type { Rubric } from "../../llm/rubric.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import type { ServiceDeps } from "../deps.ts";
import { suggestReward } from "../evaluations/suggestReward.ts";
import type { Agreement } from "./agreement.ts";

/** An item the jury disagrees with: at least this far apart on the overall score, out of 100 (1 point of 10). */
export const DISAGREEMENT_POINTS = 10;

/** A sampled item whose model score and jury score the policy acted on (totals out of 100, rewards in units). */
export interface CalibratedItem {
  contributionId: number;
  evaluationId: number;
  modelTotal: number;
  juryTotal: number;
  modelReward: bigint;
  juryReward: bigint;
}

/** What a close did because the jury disagreed with the model; absent when agreement was not below the minimum. */
export interface CalibrationPolicyOutcome {
  policy: "hold" | "jury";
  spearman: number;
  minAgreement: number;
  /** `hold`: the sampled evaluations flagged for a moderator now (they pay nothing until a person clears them). */
  held: CalibratedItem[];
  /**
   * `jury`: the sampled items to pay the reward of the jury's mean scores instead of the model's (the close keeps
   * those it pays: not ones held or appealed).
   */
  juryPaid: CalibratedItem[];
}

const byCriterion = (scores: unknown): Record<string, number> =>
  Object.fromEntries(
    (Array.isArray(scores) ? scores : []).map((s: { criterion: string; score: number }) => [s.criterion, s.score]),
  );

/** The overall score (0-100) of the jury's mean per criterion, weighted by the rubric as the model's total is. */
export function juryTotal(rubric: Pick<Rubric, "criteria">, reviews: readonly Record<string, number>[]): number {
  return weightedTotal(
    rubric.criteria.map((c) => ({
      criterion: c.name,
      weight: c.weight,
      score: reviews.reduce((n, r) => n + (r[c.name] ?? 0), 0) / reviews.length,
      // Stryker disable next-line StringLiteral: weightedTotal reads weights and scores only, never the reason.
      reason: "",
    })),
  );
}

/**
 * At the close, in its transaction and before it picks what to pay: when the jury's rank correlation with the model
 * is below CALIBRATION_MIN_AGREEMENT, CALIBRATION_POLICY applies to the sampled items the jury reviewed whose
 * evaluation is still the one it compared with and still unpaid (in no epoch):
 * - `hold`: those whose overall score is DISAGREEMENT_POINTS or more from the jury's get `jury_disagrees` and
 *   `needs_human`, so the close leaves them out like any flagged evaluation, until a moderator clears or overrides
 *   them (one a person already cleared stays cleared: a person looked at it).
 * - `jury`: each is paid what the reward policy (same category multiplier and caps) gives the jury's mean scores;
 *   the model never sets money, and the jury's figure is in the batch the members vote on.
 * A function of the database's state only, so the close stays deterministic.
 */
export async function applyCalibrationPolicy(
  tx: Prisma.TransactionClient,
  deps: Pick<ServiceDeps, "calibration" | "evaluation">,
  ctx: { guildId: string; epochId: number; now: Date; actorId: string },
  agreement: Agreement | null,
): Promise<CalibrationPolicyOutcome | null> {
  const { minAgreement, policy } = deps.calibration;
  const spearman = agreement?.overall.spearman ?? null;
  if (spearman === null || spearman >= minAgreement) return null;
  const sample = await tx.calibrationSample.findUniqueOrThrow({
    where: { epochId: ctx.epochId },
    include: { items: { include: { reviews: true }, orderBy: { id: "asc" } } },
  });
  const reviewed = sample.items.filter((i) => i.reviews.length > 0);
  const evaluations = await tx.evaluation.findMany({
    where: {
      // Stryker disable next-line ObjectLiteral: a narrowing only; evaluations are looked up by the items' ids below.
      id: { in: reviewed.map((i) => i.evaluationId) },
      // Stryker disable next-line ObjectLiteral: the loop skips an evaluation no longer active for its contribution.
      activeFor: { not: null },
      contribution: { epochId: null, status: "evaluated" },
    },
    include: { contribution: { select: { category: true } } },
  });
  const evaluationOf = new Map(evaluations.map((e) => [e.id, e]));
  const out: CalibrationPolicyOutcome = { policy, spearman, minAgreement, held: [], juryPaid: [] };
  for (const item of reviewed) {
    const e = evaluationOf.get(item.evaluationId);
    // Replaced since the draw (an override, an accepted appeal), withdrawn or already paid: a person's or another
    // epoch's decision stands.
    if (!e || e.activeFor !== item.contributionId) continue;
    const jury = juryTotal(
      deps.evaluation.rubric,
      item.reviews.map((r) => byCriterion(r.scores)),
    );
    const calibrated: CalibratedItem = {
      contributionId: item.contributionId,
      evaluationId: e.id,
      modelTotal: e.total,
      juryTotal: jury,
      modelReward: toUnits(e.suggestedReward),
      juryReward: suggestReward(deps.evaluation.policy, deps.evaluation.rubric, e.contribution.category, jury),
    };
    if (policy === "jury") {
      out.juryPaid.push(calibrated);
      continue;
    }
    if (Math.abs(e.total - jury) < DISAGREEMENT_POINTS) continue;
    // Already held, or cleared by a person: nothing to add.
    if (e.reviewedBy !== null || e.flags.includes("needs_human")) continue;
    await tx.evaluation.update({
      where: { id: e.id },
      data: { flags: [...new Set([...e.flags, "jury_disagrees", "needs_human"])] },
    });
    out.held.push(calibrated);
  }
  // The flags are a change to evaluations, audited here; the jury's rewards are in the close's own audit event.
  if (out.held.length > 0) {
    await appendAuditEvent(tx, {
      guildId: ctx.guildId,
      actorId: ctx.actorId,
      action: "calibration.held",
      subjectType: "epoch",
      subjectId: String(ctx.epochId),
      payload: {
        policy,
        spearman,
        minAgreement,
        items: out.held.map((c) => ({
          contributionId: c.contributionId,
          evaluationId: c.evaluationId,
          modelTotal: c.modelTotal,
          juryTotal: c.juryTotal,
          modelReward: c.modelReward.toString(),
          juryReward: c.juryReward.toString(),
        })),
      },
      createdAt: ctx.now,
    });
  }
  return out;
}

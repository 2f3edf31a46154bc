import { toUnits } from "../../db/decimalUnits.ts";
import type { ServiceDeps } from "../deps.ts";
import { awaitingReview } from "../evaluations/clearEvaluation.ts";
import { ensureOpenEpoch } from "./ensureOpenEpoch.ts";

/** The open epoch and where its contributions stand. */
export async function epochStatus(deps: ServiceDeps, guildId: string) {
  const epoch = await ensureOpenEpoch(deps.db, guildId, deps.epochs.budget, deps.now());
  const pending = { guildId, epochId: null };
  const [submitted, evaluated, underAppeal, suggested, flagged] = await Promise.all([
    deps.db.contribution.count({ where: { ...pending, status: { in: ["submitted", "evaluating"] } } }),
    deps.db.contribution.count({ where: { ...pending, status: "evaluated" } }),
    deps.db.appeal.count({ where: { status: "open", evaluation: { contribution: pending } } }),
    deps.db.evaluation.findMany({
      where: { activeFor: { not: null }, contribution: { ...pending, status: "evaluated" } },
      select: { suggestedReward: true },
    }),
    deps.db.evaluation.findMany({
      where: { activeFor: { not: null }, ...awaitingReview, contribution: { ...pending, status: "evaluated" } },
      select: { activeFor: true, suggestedReward: true },
      orderBy: { activeFor: "asc" },
    }),
  ]);
  const suggestedTotal = suggested.reduce((n, e) => n + toUnits(e.suggestedReward), 0n);
  /** Flagged evaluations a moderator must clear or override before they pay (ids, oldest first). */
  const awaitingReviewIds = flagged.map((e) => e.activeFor as number);
  return { epoch, submitted, evaluated, underAppeal, suggestedTotal, awaitingReview: awaitingReviewIds };
}

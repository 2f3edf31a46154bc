import { toUnits } from "../../db/decimalUnits.ts";
import { computeShares } from "../compute/computeShares.ts";
import type { ServiceDeps } from "../deps.ts";
import { awaitingReview } from "../evaluations/clearEvaluation.ts";
import { ensureOpenEpoch } from "./ensureOpenEpoch.ts";

/** The open epoch and where its contributions stand. */
export async function epochStatus(deps: Pick<ServiceDeps, "compute" | "db" | "epochs" | "now">, guildId: string) {
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
  // The compute share if the epoch closed now (the first epoch's window starts with the network, as at its close).
  const earlier = await deps.db.epoch.count({ where: { guildId, status: "closed" } });
  const compute = await computeShares(deps.db, {
    guildId,
    epochId: epoch.id,
    from: earlier === 0 ? new Date(0) : epoch.startsAt,
    to: deps.now(),
    budget: deps.compute.budget,
  });
  const online = await deps.db.computeNode.count({ where: { guildId, status: "online" } });
  return {
    epoch,
    submitted,
    evaluated,
    underAppeal,
    suggestedTotal,
    awaitingReview: awaitingReviewIds,
    compute: {
      budget: deps.compute.budget,
      online,
      total: compute.rewards.reduce((n, r) => n + r.amount, 0n),
      providers: compute.shares.length,
      nodes: compute.rewards.filter((r) => r.kind === "uptime").length,
      leases: compute.rewards.filter((r) => r.kind === "lease").length,
    },
  };
}

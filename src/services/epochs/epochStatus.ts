import { epochStanding } from "../../db/sql/epochStanding.ts";
import { epochAgreement } from "../calibration/epochAgreement.ts";
import { computeShares } from "../compute/computeShares.ts";
import type { ServiceDeps } from "../deps.ts";
import { governedEvaluationDeps } from "../policy/policyEvaluation.ts";
import { ensureOpenEpoch } from "./ensureOpenEpoch.ts";

/** The open epoch and where its contributions stand. */
export async function epochStatus(
  deps: Pick<ServiceDeps, "calibration" | "compute" | "db" | "epochs" | "evaluation" | "now">,
  guildId: string,
) {
  const epoch = await ensureOpenEpoch(deps.db, guildId, deps.epochs.budget, deps.now());
  // One statement for the counts (a hot read, issue 21 §7): what the ORM took seven queries for.
  const standing = await epochStanding(deps.db, guildId);
  const { submitted, evaluated, underAppeal, suggestedTotal } = standing;
  // The compute share if the epoch closed now (the first epoch's window starts with the network, as at its close).
  const earlier = standing.closedEpochs;
  const compute = await computeShares(deps.db, {
    guildId,
    epochId: epoch.id,
    from: earlier === 0 ? new Date(0) : epoch.startsAt,
    to: deps.now(),
    budget: deps.compute.budget,
    maxCapacityPerProvider: deps.compute.maxCapacityPerProvider,
  });
  const online = standing.onlineNodes;
  // The blind jury so far this epoch (null before its sample is drawn).
  // On the weights of the policy governing this epoch.
  const { rubric } = await governedEvaluationDeps(deps.db, deps.evaluation, guildId);
  const jury = await epochAgreement(deps.db, rubric, epoch.id);
  return {
    epoch,
    submitted,
    evaluated,
    underAppeal,
    suggestedTotal,
    /** Flagged evaluations a moderator must clear or override before they pay (ids, oldest first). */
    awaitingReview: standing.awaitingReview,
    jury,
    minAgreement: deps.calibration.minAgreement,
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

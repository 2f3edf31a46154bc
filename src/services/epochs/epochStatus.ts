import { toUnits } from "../../db/decimalUnits.ts";
import type { ServiceDeps } from "../deps.ts";
import { ensureOpenEpoch } from "./ensureOpenEpoch.ts";

/** The open epoch and where its contributions stand. */
export async function epochStatus(deps: ServiceDeps, guildId: string) {
  const epoch = await ensureOpenEpoch(deps.db, guildId, deps.epochs.budget, deps.now());
  const pending = { guildId, epochId: null };
  const [submitted, evaluated, underAppeal, suggested] = await Promise.all([
    deps.db.contribution.count({ where: { ...pending, status: { in: ["submitted", "evaluating"] } } }),
    deps.db.contribution.count({ where: { ...pending, status: "evaluated" } }),
    deps.db.appeal.count({ where: { status: "open", evaluation: { contribution: pending } } }),
    deps.db.evaluation.findMany({
      where: { activeFor: { not: null }, contribution: { ...pending, status: "evaluated" } },
      select: { suggestedReward: true },
    }),
  ]);
  const suggestedTotal = suggested.reduce((n, e) => n + toUnits(e.suggestedReward), 0n);
  return { epoch, submitted, evaluated, underAppeal, suggestedTotal };
}

import type { ServiceDeps } from "../deps.ts";

export interface UsageSummary {
  since: Date;
  evaluations: number;
  byEvaluator: Record<string, number>;
  fallbacks: number;
  promptTokens: number;
  completionTokens: number;
  costMicroUsd: number;
}

/** Token usage and cost of the guild's evaluations since a date (the open epoch's start, or a period). */
export async function summariseUsage(
  deps: Pick<ServiceDeps, "db">,
  guildId: string,
  since: Date,
): Promise<UsageSummary> {
  const where = { contribution: { guildId }, createdAt: { gte: since } };
  const [totals, groups, fallbacks] = await Promise.all([
    deps.db.evaluation.aggregate({
      where,
      _count: { _all: true },
      _sum: { promptTokens: true, completionTokens: true, costMicroUsd: true },
    }),
    deps.db.evaluation.groupBy({ by: ["evaluator"], where, _count: { _all: true } }),
    deps.db.evaluation.count({ where: { ...where, fallbackReason: { not: null } } }),
  ]);
  return {
    since,
    evaluations: totals._count._all,
    byEvaluator: Object.fromEntries(groups.map((g) => [g.evaluator, g._count._all])),
    fallbacks,
    promptTokens: totals._sum.promptTokens ?? 0,
    completionTokens: totals._sum.completionTokens ?? 0,
    costMicroUsd: totals._sum.costMicroUsd ?? 0,
  };
}

import { readEvaluationScores } from "../../db/json/evaluationScores.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { weightedTotal } from "../../llm/evaluationTypes.ts";

/** What the blind jury said about one sampled contribution, for its audit trace (no juror is named). */
export interface JuryVerdict {
  /** The epoch whose sample drew it, and the evaluation the jury was compared with (the one active when drawn). */
  epoch: number | null;
  evaluationId: number;
  reviews: number;
  /** Per criterion: the model's score and the jury's mean (null before any review), 0-10. */
  scores: { criterion: string; model: number; jury: number | null }[];
  /** Overall, out of 100, weighted as the evaluation weighed its criteria (the jury's null before any review). */
  modelTotal: number;
  juryTotal: number | null;
}

const byCriterion = (scores: unknown): Record<string, number> =>
  Object.fromEntries(
    (Array.isArray(scores) ? scores : []).map((s: { criterion: string; score: number }) => [s.criterion, s.score]),
  );

/**
 * Each contribution's latest jury sample item and what the jury said, by contribution id: absent when it was never
 * sampled. A contribution held by the jury and carried can be drawn again by a later epoch: the latest counts.
 */
export async function juryVerdicts(
  db: Prisma.TransactionClient,
  contributionIds: readonly number[],
): Promise<Map<number, JuryVerdict>> {
  const items = await db.calibrationItem.findMany({
    where: { contributionId: { in: [...contributionIds] } },
    include: { reviews: true, sample: { select: { epochId: true } } },
    orderBy: { id: "asc" },
  });
  if (items.length === 0) return new Map();
  const evaluations = await db.evaluation.findMany({
    where: { id: { in: items.map((i) => i.evaluationId) } },
    select: { id: true, scores: true, total: true },
  });
  const evaluationOf = new Map(evaluations.map((e) => [e.id, e]));
  const epochs = await db.epoch.findMany({
    where: { id: { in: items.map((i) => i.sample.epochId) } },
    select: { id: true, number: true },
  });
  const epochNumber = new Map(epochs.map((e) => [e.id, e.number]));
  const out = new Map<number, JuryVerdict>();
  for (const item of items) {
    const e = evaluationOf.get(item.evaluationId);
    if (!e) continue;
    const model = readEvaluationScores(e);
    const reviews = item.reviews.map((r) => byCriterion(r.scores));
    const mean = (criterion: string) =>
      reviews.length === 0 ? null : reviews.reduce((n, r) => n + (r[criterion] ?? 0), 0) / reviews.length;
    out.set(item.contributionId, {
      epoch: epochNumber.get(item.sample.epochId) ?? null,
      evaluationId: e.id,
      reviews: reviews.length,
      scores: model.map((s) => ({ criterion: s.criterion, model: s.score, jury: mean(s.criterion) })),
      modelTotal: e.total,
      juryTotal:
        reviews.length === 0 ? null : weightedTotal(model.map((s) => ({ ...s, score: mean(s.criterion) as number }))),
    });
  }
  return out;
}

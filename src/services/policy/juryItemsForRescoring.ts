import type { Prisma } from "../../generated/prisma/client.ts";
import type { ReviewedItem } from "../calibration/agreement.ts";

/** How many of the latest jury samples (epochs with at least one review) a policy proposal re-scores. */
export const RESCORE_SAMPLES = 3;

const byCriterion = (scores: unknown): Record<string, number> =>
  Object.fromEntries(
    (Array.isArray(scores) ? scores : []).map((s: { criterion: string; score: number }) => [s.criterion, s.score]),
  );

/**
 * The jury-reviewed items of the guild's last RESCORE_SAMPLES samples that have a review: each with the model's
 * stored per-criterion scores (the evaluation the jury was compared with) and the jurors' scores.
 */
export async function juryItemsForRescoring(
  db: Prisma.TransactionClient,
  guildId: string,
): Promise<{ items: ReviewedItem[]; epochs: number[] }> {
  const samples = await db.calibrationSample.findMany({
    where: { guildId, items: { some: { reviews: { some: {} } } } },
    orderBy: { epochId: "desc" },
    take: RESCORE_SAMPLES,
    include: { items: { include: { reviews: { orderBy: { id: "asc" } } }, orderBy: { id: "asc" } } },
  });
  const items = samples.flatMap((s) => s.items).filter((i) => i.reviews.length > 0);
  const evaluations = await db.evaluation.findMany({
    where: { id: { in: items.map((i) => i.evaluationId) } },
    select: { id: true, scores: true },
  });
  const scoresOf = new Map(evaluations.map((e) => [e.id, byCriterion(e.scores)]));
  const epochs = await db.epoch.findMany({
    where: { id: { in: samples.map((s) => s.epochId) } },
    select: { number: true },
    orderBy: { number: "asc" },
  });
  return {
    items: items.map((i) => ({
      model: scoresOf.get(i.evaluationId) ?? {},
      reviews: i.reviews.map((r) => ({ jurorId: r.jurorId, scores: byCriterion(r.scores) })),
    })),
    epochs: epochs.map((e) => e.number),
  };
}

import type { Prisma } from "../../generated/prisma/client.ts";
import type { Rubric } from "../../llm/rubric.ts";
import { type Agreement, calibrationAgreement } from "./agreement.ts";

const byCriterion = (scores: unknown): Record<string, number> =>
  Object.fromEntries(
    (Array.isArray(scores) ? scores : []).map((s: { criterion: string; score: number }) => [s.criterion, s.score]),
  );

/**
 * The jury's agreement with the model for an epoch's sample (compared with the evaluation active when it was
 * drawn), or null when the epoch has no sample.
 */
export async function epochAgreement(
  db: Prisma.TransactionClient,
  rubric: Rubric,
  epochId: number,
): Promise<(Agreement & { sampled: number; seed: string }) | null> {
  const sample = await db.calibrationSample.findUnique({
    where: { epochId },
    include: { items: { include: { reviews: true }, orderBy: { id: "asc" } } },
  });
  if (!sample) return null;
  const evaluations = await db.evaluation.findMany({
    where: { id: { in: sample.items.map((i) => i.evaluationId) } },
    select: { id: true, scores: true },
  });
  const modelOf = new Map(evaluations.map((e) => [e.id, byCriterion(e.scores)]));
  const agreement = calibrationAgreement(
    rubric.criteria,
    sample.items.map((i) => ({
      model: modelOf.get(i.evaluationId) ?? {},
      reviews: i.reviews.map((r) => ({ jurorId: r.jurorId, scores: byCriterion(r.scores) })),
    })),
  );
  return { ...agreement, sampled: sample.items.length, seed: sample.seed };
}

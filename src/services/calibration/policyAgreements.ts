import type { Prisma } from "../../generated/prisma/client.ts";
import type { EvaluationPolicyContent } from "../evaluations/evaluationPolicy.ts";
import { type Agreement, calibrationAgreement } from "./agreement.ts";

/** One version of a guild's evaluation policy, with how many evaluations it made and how the jury agreed with them. */
export interface PolicyAgreement {
  version: number;
  sha256: string;
  createdAt: Date;
  content: EvaluationPolicyContent;
  evaluations: number;
  /** Over every jury-reviewed sample item evaluated under this version, across epochs; null: none reviewed yet. */
  jury: Agreement | null;
  /** The same, epoch by epoch (oldest first): how the agreement moved over time. */
  byEpoch: { epoch: number; jury: Agreement }[];
  /** The vote that adopted it (`/policy propose`) and the first epoch it governs; null: the configuration's. */
  adoptedBy: { proposalId: number; effectiveFromEpoch: number } | null;
}

const byCriterion = (scores: unknown): Record<string, number> =>
  Object.fromEntries(
    (Array.isArray(scores) ? scores : []).map((s: { criterion: string; score: number }) => [s.criterion, s.score]),
  );

/**
 * The guild's policy versions, newest first (the last `limit`), each with the jury's agreement with the evaluations
 * made under it, on that version's own criteria and weights: what members compare when they choose a policy.
 */
export async function policyAgreements(
  db: Prisma.TransactionClient,
  guildId: string,
  limit = 20,
): Promise<PolicyAgreement[]> {
  const policies = await db.evaluationPolicy.findMany({
    where: { guildId },
    orderBy: { version: "desc" },
    take: limit,
  });
  if (policies.length === 0) return [];
  const versions = policies.map((p) => p.version);
  const counts = await db.evaluation.groupBy({
    by: ["policyVersion"],
    where: { policyVersion: { in: versions }, contribution: { guildId } },
    _count: { _all: true },
  });
  const countOf = new Map(counts.map((c) => [c.policyVersion, c._count._all]));
  const items = await db.calibrationItem.findMany({
    where: { sample: { guildId } },
    include: { reviews: true, sample: { select: { epochId: true } } },
    orderBy: { id: "asc" },
  });
  const epochs = await db.epoch.findMany({
    where: { id: { in: [...new Set(items.map((i) => i.sample.epochId))] } },
    select: { id: true, number: true },
  });
  const epochNumber = new Map(epochs.map((e) => [e.id, e.number]));
  const adoptions = await db.policyProposal.findMany({
    where: { guildId, adoptedVersion: { in: versions } },
    orderBy: { adoptedAt: "asc" },
  });
  const evaluations = await db.evaluation.findMany({
    where: { id: { in: items.map((i) => i.evaluationId) }, policyVersion: { in: versions } },
    select: { id: true, scores: true, policyVersion: true },
  });
  const evaluationOf = new Map(evaluations.map((e) => [e.id, e]));
  return policies.map((p) => {
    const content = p.content as unknown as EvaluationPolicyContent;
    const mine = items.filter(
      (i) => i.reviews.length > 0 && evaluationOf.get(i.evaluationId)?.policyVersion === p.version,
    );
    const reviewedOf = (list: typeof mine) =>
      list.map((i) => ({
        model: byCriterion(evaluationOf.get(i.evaluationId)?.scores),
        reviews: i.reviews.map((r) => ({ jurorId: r.jurorId, scores: byCriterion(r.scores) })),
      }));
    const reviewed = reviewedOf(mine);
    const epochsOf = [...new Set(mine.map((i) => epochNumber.get(i.sample.epochId) ?? 0))].sort((a, b) => a - b);
    const adoption = adoptions.find((a) => a.adoptedVersion === p.version);
    return {
      version: p.version,
      sha256: p.sha256,
      createdAt: p.createdAt,
      content,
      evaluations: countOf.get(p.version) ?? 0,
      jury: reviewed.length === 0 ? null : calibrationAgreement(content.rubric.criteria, reviewed),
      byEpoch: epochsOf.map((epoch) => ({
        epoch,
        jury: calibrationAgreement(
          content.rubric.criteria,
          reviewedOf(mine.filter((i) => epochNumber.get(i.sample.epochId) === epoch)),
        ),
      })),
      adoptedBy:
        adoption?.effectiveFromEpoch != null
          ? { proposalId: adoption.proposalId, effectiveFromEpoch: adoption.effectiveFromEpoch }
          : null,
    };
  });
}

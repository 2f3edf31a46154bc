import { createHash } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { CategoryCriterion } from "../../llm/categoryEvidence.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { canonicalJson } from "../audit/canonicalJson.ts";
import type { EvaluationDeps } from "../deps.ts";

/**
 * What an evaluation policy fixes (issue 22 §4): the rubric (criteria with weights and descriptions, category
 * multipliers), the reward caps, and the evaluator with its model and prompt version. Amounts are decimal strings in
 * the token's smallest unit.
 */
export interface EvaluationPolicyContent {
  rubric: {
    version: number;
    criteria: { name: string; weight: number; description: string }[];
    categoryMultipliers: Record<string, number>;
    /** The evidence that judges each category; absent in a policy recorded before there were any (then none). */
    categoryCriteria?: Record<string, CategoryCriterion[]>;
  };
  caps: { maxPerContribution: string; epochBudget: string };
  evaluator: { kind: "llm" | "rubric"; model: string; promptVersion: string; appealModel: string | null };
}

/** The policy the configuration sets now. */
export function configuredPolicy(
  evaluation: Pick<EvaluationDeps, "rubric" | "policy" | "evaluator">,
): EvaluationPolicyContent {
  const { rubric, policy, evaluator } = evaluation;
  return {
    rubric: {
      version: rubric.version,
      criteria: rubric.criteria.map((c) => ({ name: c.name, weight: c.weight, description: c.description })),
      categoryMultipliers: { ...rubric.categoryMultipliers },
      ...(rubric.categoryCriteria ? { categoryCriteria: copyCategoryCriteria(rubric.categoryCriteria) } : {}),
    },
    caps: { maxPerContribution: policy.maxPerContribution.toString(), epochBudget: policy.epochBudget.toString() },
    evaluator: { ...evaluator },
  };
}

export const copyCategoryCriteria = (criteria: Record<string, CategoryCriterion[]>) =>
  Object.fromEntries(
    Object.entries(criteria).map(([k, list]) => [
      k,
      list.map((c) => ({ evidence: c.evidence, criterion: c.criterion, description: c.description })),
    ]),
  );

export const policySha256 = (content: EvaluationPolicyContent) =>
  createHash("sha256").update(canonicalJson(content)).digest("hex");

/**
 * The guild's version of the configured policy, recorded (and audited, `policy.recorded`) the first time it is
 * used: the next version number when its content is new, the same version when it is not.
 */
export function currentPolicyVersion(
  tx: Prisma.TransactionClient,
  evaluation: Pick<EvaluationDeps, "rubric" | "policy" | "evaluator">,
  guildId: string,
  now: Date,
): Promise<number> {
  return recordPolicyVersion(tx, configuredPolicy(evaluation), guildId, now);
}

/**
 * The guild's version of a policy content (configured or adopted by a vote), recorded and audited the first time.
 * Runs in the caller's audited transaction; two first uses at once collide on the unique (guild, hash) or (guild,
 * version) and the loser's re-run finds the winner's row.
 */
export async function recordPolicyVersion(
  tx: Prisma.TransactionClient,
  content: EvaluationPolicyContent,
  guildId: string,
  now: Date,
): Promise<number> {
  const sha256 = policySha256(content);
  const known = await tx.evaluationPolicy.findUnique({
    where: { guildId_sha256: { guildId, sha256 } },
    select: { version: true },
  });
  if (known) return known.version;
  const last = await tx.evaluationPolicy.findFirst({
    where: { guildId },
    orderBy: { version: "desc" },
    select: { version: true, sha256: true },
  });
  const version = (last?.version ?? 0) + 1;
  await tx.evaluationPolicy.create({
    data: { guildId, version, sha256, content: content as unknown as Prisma.InputJsonValue, createdAt: now },
  });
  await appendAuditEvent(tx, {
    guildId,
    actorId: "system:policy",
    action: "policy.recorded",
    subjectType: "policy",
    subjectId: String(version),
    payload: { version, sha256, previous: last ? { version: last.version, sha256: last.sha256 } : null, content },
    createdAt: now,
  });
  return version;
}

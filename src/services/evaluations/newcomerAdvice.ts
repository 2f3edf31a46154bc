import { readEvaluationExplanation } from "../../db/json/evaluationExplanation.ts";
import { readEvaluationScores } from "../../db/json/evaluationScores.ts";
import type { Contribution, Evaluation } from "../../generated/prisma/client.ts";
import type { EvidenceCheck } from "../../llm/categoryEvidence.ts";
import type { ServiceDeps } from "../deps.ts";

/** A score under this is "below": what would have raised it is worth a newcomer's reading. */
export const ADVICE_BELOW = 7;

/** For a member's first contribution: each criterion that scored below, with the category's evidence it lacked. */
export interface NewcomerAdvice {
  category: string;
  criteria: { criterion: string; score: number; missing: EvidenceCheck[] }[];
}

/**
 * A member's first contribution: none of theirs was submitted before it (withdrawn ones aside, as /start counts
 * them). Decided by submission order, so it stays their first once later ones arrive.
 */
export async function isFirstContribution(
  deps: Pick<ServiceDeps, "db">,
  contribution: Pick<Contribution, "id" | "authorId">,
): Promise<boolean> {
  const earlier = await deps.db.contribution.count({
    where: { authorId: contribution.authorId, id: { lt: contribution.id }, status: { not: "withdrawn" } },
  });
  return earlier === 0;
}

/**
 * What would have scored higher, when the evaluation is of the author's first contribution: for each criterion under
 * ADVICE_BELOW, the expected evidence of its category (the policy's criteria per category) the submission did not
 * show. Null for later contributions, a moderator's override (its scores are not the evaluator's), an evaluation
 * stored before evidence was checked, or when nothing the category expects was missing where it scored low.
 */
export async function newcomerAdvice(
  deps: Pick<ServiceDeps, "db">,
  contribution: Pick<Contribution, "id" | "authorId">,
  evaluation: Pick<Evaluation, "id" | "purpose" | "scores" | "explanation">,
): Promise<NewcomerAdvice | null> {
  if (evaluation.purpose === "override") return null;
  const explanation = readEvaluationExplanation(evaluation);
  if (!explanation || explanation.evidence.length === 0) return null;
  if (!(await isFirstContribution(deps, contribution))) return null;
  const criteria = readEvaluationScores(evaluation)
    .filter((s) => s.score < ADVICE_BELOW)
    .map((s) => ({
      criterion: s.criterion,
      score: s.score,
      missing: explanation.evidence.filter((e) => e.criterion === s.criterion && !e.present),
    }))
    .filter((c) => c.missing.length > 0);
  return criteria.length > 0 ? { category: explanation.category, criteria } : null;
}

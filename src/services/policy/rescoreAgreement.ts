import { type Agreement, calibrationAgreement, type ReviewedItem } from "../calibration/agreement.ts";
import type { EvaluationPolicyContent } from "../evaluations/evaluationPolicy.ts";

/**
 * How the candidate's scores for the jury's items were obtained, without calling a model:
 * - `rubric_recomputed`: the offline rubric evaluator scores each criterion the same whatever its weight, so the
 *   candidate's scores are exactly the stored criterion scores weighted by the candidate's weights;
 * - `llm_reweighted`: the LLM's stored criterion scores weighted by the candidate's weights (the model saw the old
 *   weights in its prompt: under the new ones its criterion scores may move a little);
 * - `llm_not_rerun`: the candidate changes the model or the prompt; only running it would measure that, so the
 *   figure is the stored scores under the candidate's weights, and the first epoch under it measures the rest.
 */
export type RescoreMethod = "rubric_recomputed" | "llm_reweighted" | "llm_not_rerun";

/** The re-scoring a policy proposal shows, computed once when it is proposed: facts, words live in the views. */
export interface PolicyRescoring {
  method: RescoreMethod;
  /** The epochs whose jury samples were re-scored (the last RESCORE_SAMPLES with a review), oldest first. */
  epochs: number[];
  /** The active version's agreement with the jury on those items, and the candidate's; null: no reviewed item. */
  active: Agreement | null;
  candidate: Agreement | null;
}

export function rescoreMethod(active: EvaluationPolicyContent, candidate: EvaluationPolicyContent): RescoreMethod {
  if (candidate.evaluator.kind !== "llm") return "rubric_recomputed";
  const rerunNeeded =
    candidate.evaluator.model !== active.evaluator.model ||
    candidate.evaluator.promptVersion !== active.evaluator.promptVersion;
  return rerunNeeded ? "llm_not_rerun" : "llm_reweighted";
}

/** Both versions' agreement with the jury on the same reviewed items, each with its own criteria and weights. */
export function rescoreAgreement(
  active: EvaluationPolicyContent,
  candidate: EvaluationPolicyContent,
  items: readonly ReviewedItem[],
  epochs: number[],
): PolicyRescoring {
  const reviewed = items.filter((i) => i.reviews.length > 0);
  const measure = (p: EvaluationPolicyContent) =>
    reviewed.length === 0 ? null : calibrationAgreement(p.rubric.criteria, reviewed);
  return { method: rescoreMethod(active, candidate), epochs, active: measure(active), candidate: measure(candidate) };
}

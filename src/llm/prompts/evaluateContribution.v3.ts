import type { EvaluationInput } from "../evaluationTypes.ts";
import type { Rubric } from "../rubric.ts";
import { evaluateContributionMessages as v2Messages } from "./evaluateContribution.v2.ts";

// @3: @2, and the evidence the policy says judges the submission's category (a translation, an AMA, a design and a
// code change are judged by different evidence), each with the criterion it backs. A category the policy lists no
// evidence for gets @2's text.
export const EVALUATE_PROMPT_V3 = "evaluate-contribution@3";

export function evaluateContributionMessages(input: EvaluationInput, rubric: Rubric) {
  const expected = rubric.categoryCriteria?.[input.category] ?? [];
  if (expected.length === 0) return v2Messages(input, rubric);
  return v2Messages(input, rubric, [
    "",
    `The DAO's policy judges a contribution of the category "${input.category}" by this evidence (the criterion it backs`,
    "in brackets). Look for each piece in the submission; where one is missing, say so in that criterion's reason,",
    "and do not score the criterion as if it were there:",
    ...expected.map((c) => `- [${c.criterion}] ${c.description}`),
  ]);
}

import type { Prisma } from "../../generated/prisma/client.ts";
import type { LlmEvaluate } from "../../llm/llmEvaluator.ts";
import type { Rubric } from "../../llm/rubric.ts";
import type { EvaluationDeps } from "../deps.ts";
import { copyCategoryCriteria, type EvaluationPolicyContent } from "../evaluations/evaluationPolicy.ts";
import type { RewardPolicy } from "../evaluations/suggestReward.ts";
import { activePolicy } from "./activePolicy.ts";

export interface PolicyEvaluation {
  rubric: Rubric;
  policy: RewardPolicy;
  llm: LlmEvaluate | undefined;
}

// One evaluator per (model, rubric) a policy names, made once per process: building a chat model is not free.
const made = new WeakMap<object, Map<string, LlmEvaluate>>();

/**
 * What evaluating under a policy's content uses: its rubric (criteria, weights, multipliers), its caps, and an
 * evaluator for its model with its rubric (the configured one when they are the configuration's). The offline
 * rubric evaluator answers when the policy names no LLM or no LLM is configured.
 */
export function policyEvaluation(evaluation: EvaluationDeps, content: EvaluationPolicyContent): PolicyEvaluation {
  const rubric: Rubric = {
    version: content.rubric.version,
    criteria: content.rubric.criteria.map((c) => ({ ...c })),
    categoryMultipliers: { ...content.rubric.categoryMultipliers },
    ...(content.rubric.categoryCriteria
      ? { categoryCriteria: copyCategoryCriteria(content.rubric.categoryCriteria) }
      : {}),
  };
  const policy: RewardPolicy = {
    maxPerContribution: BigInt(content.caps.maxPerContribution),
    epochBudget: BigInt(content.caps.epochBudget),
  };
  const sameRubric = JSON.stringify(rubric) === JSON.stringify(evaluation.rubric);
  let llm: LlmEvaluate | undefined;
  if (content.evaluator.kind === "llm" && evaluation.llm) {
    const { model, promptVersion } = content.evaluator;
    if (sameRubric && model === evaluation.evaluator.model && promptVersion === evaluation.evaluator.promptVersion)
      llm = evaluation.llm;
    else if (evaluation.llmFor) {
      const cache = made.get(evaluation) ?? new Map<string, LlmEvaluate>();
      made.set(evaluation, cache);
      const key = `${model}\u0000${promptVersion}\u0000${JSON.stringify(rubric)}`;
      llm = cache.get(key) ?? evaluation.llmFor(model, rubric, promptVersion);
      cache.set(key, llm);
    }
  }
  return { rubric, policy, llm };
}

/**
 * The evaluation settings with the rubric and caps of the policy that governs the guild's current epoch: what the
 * rules that weigh or cap scores outside an evaluation use (an override's cap, the jury's agreement and reward at
 * the close), so that an adopted policy binds them as it binds the evaluations.
 */
export async function governedEvaluationDeps(
  db: Prisma.TransactionClient,
  evaluation: EvaluationDeps,
  guildId: string,
): Promise<EvaluationDeps> {
  const { content } = await activePolicy(db, evaluation, guildId);
  const { rubric, policy } = policyEvaluation(evaluation, content);
  return { ...evaluation, rubric, policy };
}

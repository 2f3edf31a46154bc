import type { Rubric } from "../../llm/rubric.ts";

export interface RewardPolicy {
  maxPerContribution: bigint;
  epochBudget: bigint;
}

/**
 * The documented policy that turns a score into a suggested reward; the model never sets money:
 *   reward = floor(MAX_REWARD_PER_CONTRIBUTION × total/100 × categoryMultiplier), in the token's smallest unit,
 *   then capped at MAX_REWARD_PER_CONTRIBUTION and at EPOCH_BUDGET, and, when the submission is suspected of
 *   prompt injection, at the reward the offline rubric evaluator's score would give (`ceilingTotal`).
 */
export function suggestReward(
  policy: RewardPolicy,
  rubric: Rubric,
  category: string,
  total: number,
  ceilingTotal?: number,
): bigint {
  const multiplier = rubric.categoryMultipliers[category] ?? 1;
  const amount = (t: number) =>
    (policy.maxPerContribution * BigInt(Math.round(Math.max(0, Math.min(100, t)) * multiplier * 100))) / 10_000n;
  let reward = amount(total);
  if (ceilingTotal !== undefined) {
    const ceiling = amount(ceilingTotal);
    // Stryker disable next-line EqualityOperator: at equality the assignment keeps the same value
    if (ceiling < reward) reward = ceiling;
  }
  // Stryker disable next-line EqualityOperator: at equality the assignment keeps the same value
  if (reward > policy.maxPerContribution) reward = policy.maxPerContribution;
  // Stryker disable next-line EqualityOperator: at equality the assignment keeps the same value
  if (reward > policy.epochBudget) reward = policy.epochBudget;
  return reward;
}

import { unitsText } from "../../db/decimalUnits.ts";
import { readEvaluationScores } from "../../db/json/evaluationScores.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import { refuseIfSettledOrWithdrawn, refuseSelfDealing } from "../conflicts/refuseSelfDealing.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { governedEvaluationDeps } from "../policy/policyEvaluation.ts";
import { requireReason } from "../requireText.ts";

/**
 * A moderator's override: a new, active evaluation with the moderator's score, reward and reason. The original
 * stays stored (inactive), and the override is audited with both.
 */
export async function overrideEvaluation(
  deps: Pick<ServiceDeps, "db" | "evaluation" | "now">,
  moderator: Actor,
  input: { contributionId: number; score: number; reward: bigint; reason: string },
) {
  const reason = requireReason(input.reason);
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100) {
    throw new UserError("invalid_score", { score: input.score });
  }
  // The cap of the policy in force now (adopted by a vote, else the configuration's): the epoch that will pay it.
  const governed = await governedEvaluationDeps(deps.db, deps.evaluation, moderator.guildId);
  const cap = governed.policy.maxPerContribution;
  if (input.reward < 0n || input.reward > cap) throw new UserError("reward_above_cap", { max: cap.toString() });
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const contribution = await tx.contribution.findFirst({
      where: { id: input.contributionId, guildId: moderator.guildId },
    });
    if (!contribution) throw new UserError("contribution_not_found", { id: input.contributionId });
    await refuseSelfDealing(tx, moderator, contribution, "override");
    await refuseIfSettledOrWithdrawn(tx, contribution, "override");
    const original = await tx.evaluation.findUnique({ where: { activeFor: contribution.id } });
    if (!original) throw new UserError("not_evaluated_yet", { id: contribution.id, status: contribution.status });
    await tx.evaluation.update({ where: { id: original.id }, data: { activeFor: null } });
    const override = await tx.evaluation.create({
      data: {
        contributionId: contribution.id,
        activeFor: contribution.id,
        purpose: "override",
        evaluator: "human",
        model: `moderator:${moderator.username}`,
        promptVersion: "none",
        promptSha256: original.promptSha256,
        rubricVersion: original.rubricVersion,
        // A person's score under the policy the original was made under.
        policyVersion: original.policyVersion,
        inputHash: original.inputHash,
        temperature: 0,
        samples: 1,
        spread: 0,
        scores: readEvaluationScores(original),
        total: input.score,
        confidence: 1,
        rationale: reason,
        evidence: original.evidence,
        droppedQuotes: 0,
        flags: [],
        suggestedReward: input.reward.toString(),
        latencyMs: 0,
        reviewedBy: moderator.discordId,
        reviewedAt: now,
        reviewNote: reason,
        createdAt: now,
      },
    });
    await appendAuditEvent(tx, {
      guildId: moderator.guildId,
      actorId: moderator.discordId,
      action: "evaluation.overridden",
      subjectType: "contribution",
      subjectId: String(contribution.id),
      payload: {
        originalEvaluationId: original.id,
        overrideEvaluationId: override.id,
        from: { total: original.total, suggestedReward: unitsText(original.suggestedReward) },
        to: { total: input.score, suggestedReward: input.reward.toString() },
        reason,
      },
      createdAt: now,
    });
    return { override, original, contribution };
  });
}

import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import { refuseIfSettledOrWithdrawn, refuseSelfDealing } from "../conflicts/refuseSelfDealing.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { requireReason } from "../requireText.ts";

/**
 * A moderator who is not paid by it looked at a flagged (`needs_human`) evaluation and lets it pay as evaluated.
 * Until then the epoch close leaves it out. The note is kept and audited; the evaluation itself is unchanged.
 */
export async function clearEvaluation(
  deps: Pick<ServiceDeps, "db" | "now">,
  moderator: Actor,
  contributionId: number,
  noteInput: string,
) {
  const note = requireReason(noteInput);
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const contribution = await tx.contribution.findFirst({ where: { id: contributionId, guildId: moderator.guildId } });
    if (!contribution) throw new UserError("contribution_not_found", { id: contributionId });
    await refuseSelfDealing(tx, moderator, contribution, "clear");
    await refuseIfSettledOrWithdrawn(tx, contribution, "clear");
    const evaluation = await tx.evaluation.findUnique({ where: { activeFor: contributionId } });
    if (!evaluation) throw new UserError("not_evaluated_yet", { id: contributionId, status: contribution.status });
    if (!evaluation.flags.includes("needs_human")) throw new UserError("not_flagged", { id: contributionId });
    const cleared = await tx.evaluation.updateMany({
      where: { id: evaluation.id, reviewedBy: null },
      data: { reviewedBy: moderator.discordId, reviewedAt: now, reviewNote: note },
    });
    if (cleared.count === 0) {
      throw new UserError("already_reviewed", { id: contributionId, reviewerId: evaluation.reviewedBy });
    }
    await appendAuditEvent(tx, {
      guildId: moderator.guildId,
      actorId: moderator.discordId,
      action: "evaluation.cleared",
      subjectType: "contribution",
      subjectId: String(contributionId),
      payload: { evaluationId: evaluation.id, flags: evaluation.flags, note },
      createdAt: now,
    });
    return { contribution, evaluation };
  });
}

/** Flagged and not yet looked at by a person: such an evaluation pays nothing yet. */
export const awaitingReview = { flags: { has: "needs_human" }, reviewedBy: null } as const;

import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { ensureMember } from "../members/ensureMember.ts";
import { jurorConflict, requireJuror } from "./refuseJuror.ts";

/**
 * A juror's blind scores for one sampled item: one whole number from 0 to 10 for each rubric criterion. Refused
 * for non-jurors, the author, anyone conflicted with the author, and a second review of the same item (also a
 * unique constraint). A review is accepted only while its epoch is open: after the close the agreement is fixed.
 */
export async function recordJuryReview(
  deps: Pick<ServiceDeps, "calibration" | "db" | "evaluation" | "now">,
  juror: Actor,
  roles: readonly string[],
  input: { itemId: number; scores: Record<string, number> },
) {
  requireJuror(deps, roles);
  const criteria = deps.evaluation.rubric.criteria.map((c) => c.name);
  const bad = criteria.filter((name) => {
    const s = input.scores[name];
    return s === undefined || !Number.isInteger(s) || s < 0 || s > 10;
  });
  const unknown = Object.keys(input.scores).filter((k) => !criteria.includes(k));
  if (bad.length > 0 || unknown.length > 0) throw new UserError("jury_invalid_scores", { criteria });
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const item = await tx.calibrationItem.findUnique({ where: { id: input.itemId }, include: { sample: true } });
    if (!item || item.sample.guildId !== juror.guildId)
      throw new UserError("jury_item_not_found", { id: input.itemId });
    const epoch = await tx.epoch.findUniqueOrThrow({ where: { id: item.sample.epochId }, select: { status: true } });
    if (epoch.status !== "open") throw new UserError("jury_sample_closed", { id: input.itemId });
    const contribution = await tx.contribution.findUniqueOrThrow({ where: { id: item.contributionId } });
    const conflict = await jurorConflict(tx, juror, contribution.authorId);
    if (conflict?.reason === "author") throw new UserError("jury_own_contribution", { id: input.itemId });
    if (conflict?.reason === "mentor") throw new UserError("jury_mentee", { id: input.itemId });
    if (conflict) throw new UserError("jury_conflicted", { id: input.itemId, address: conflict.address });
    const member = await ensureMember(tx, juror, now);
    const existing = await tx.jurorReview.findUnique({
      where: { itemId_jurorId: { itemId: item.id, jurorId: member.id } },
    });
    if (existing) throw new UserError("jury_already_reviewed", { id: input.itemId });
    const scores = criteria.map((criterion) => ({ criterion, score: input.scores[criterion] as number }));
    const review = await tx.jurorReview.create({
      data: { itemId: item.id, jurorId: member.id, scores, createdAt: now },
    });
    await appendAuditEvent(tx, {
      guildId: juror.guildId,
      actorId: juror.discordId,
      action: "calibration.reviewed",
      subjectType: "calibration_item",
      subjectId: String(item.id),
      payload: { reviewId: review.id, contributionId: item.contributionId, scores },
      createdAt: now,
    });
    return { review, scores };
  });
}

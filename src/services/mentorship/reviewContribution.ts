import type { Prisma } from "../../generated/prisma/client.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import type { ModeratorFact } from "../publishing/moderatorFacts.ts";
import { requireText } from "../requireText.ts";

export const MENTOR_COMMENT_MAX = 1000;

/** How many contributions the author made before this one (withdrawn ones count: they were submissions too). */
async function earlier(tx: Prisma.TransactionClient, c: { id: number; authorId: string }) {
  return tx.contribution.count({ where: { authorId: c.authorId, id: { lt: c.id } } });
}

/**
 * `/mentor review`: the newcomer's active mentor comments on one of their first MENTOR_REVIEWS contributions before
 * it is evaluated. The comment is shown with the evaluation; it is not a score and the evaluator never reads it.
 */
export async function reviewContribution(
  deps: Pick<ServiceDeps, "db" | "mentorship" | "now">,
  actor: Actor,
  contributionId: number,
  comment: string,
): Promise<{ contributionId: number; newcomer: string }> {
  const text = requireText("comment", comment, MENTOR_COMMENT_MAX);
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const c = await tx.contribution.findFirst({
      where: { id: contributionId, guildId: actor.guildId },
      include: { author: true },
    });
    if (!c) throw new UserError("contribution_not_found", { id: contributionId });
    const open = await tx.mentorship.findUnique({ where: { openFor: c.authorId } });
    const mentor = open?.mentorId ? await tx.member.findUnique({ where: { id: open.mentorId } }) : null;
    if (open?.status !== "active" || mentor?.discordId !== actor.discordId) {
      throw new UserError("mentor_review_not_mentee", { id: contributionId });
    }
    if ((await earlier(tx, c)) >= deps.mentorship.reviews) {
      throw new UserError("mentor_review_not_first", { id: contributionId, reviews: deps.mentorship.reviews });
    }
    if (await tx.mentorReview.findUnique({ where: { contributionId } })) {
      throw new UserError("mentor_review_exists", { id: contributionId });
    }
    // Once claimed for evaluation, the note would come after the evaluation it is meant to go with.
    if (c.status !== "submitted")
      throw new UserError("mentor_review_too_late", { id: contributionId, status: c.status });
    await tx.mentorReview.create({
      data: { contributionId, mentorshipId: open.id, mentorId: open.mentorId as string, comment: text, createdAt: now },
    });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "contribution.mentor_reviewed",
      subjectType: "contribution",
      subjectId: String(contributionId),
      payload: { mentorshipId: open.id, newcomer: c.author.discordId, comment: text },
      createdAt: now,
    });
    return { contributionId, newcomer: c.author.discordId };
  });
}

/**
 * At a submission, in its transaction: when its author has an active mentor and it is one of their first
 * MENTOR_REVIEWS, the note that tells the mentor there is something to review (its evaluation waits up to
 * MENTOR_REVIEW_WAIT for it); null otherwise.
 */
export async function mentorReviewDue(
  tx: Prisma.TransactionClient,
  mentorship: ServiceDeps["mentorship"],
  c: { id: number; guildId: string; authorId: string },
  newcomer: string,
): Promise<ModeratorFact | null> {
  const open = await tx.mentorship.findUnique({ where: { openFor: c.authorId } });
  if (open?.status !== "active" || !open.mentorId) return null;
  if ((await earlier(tx, c)) >= mentorship.reviews) return null;
  const mentor = await tx.member.findUniqueOrThrow({ where: { id: open.mentorId }, select: { discordId: true } });
  return {
    kind: "mentor_review_due",
    contributionId: c.id,
    mentor: mentor.discordId,
    newcomer,
    waitMs: mentorship.reviewWaitMs,
  };
}

/** The mentor's note on a contribution, shown with its evaluation (null: none). */
export async function mentorNoteFor(deps: Pick<ServiceDeps, "db">, contributionId: number) {
  const r = await deps.db.mentorReview.findUnique({ where: { contributionId } });
  if (!r) return null;
  const mentor = await deps.db.member.findUnique({ where: { id: r.mentorId }, select: { discordId: true } });
  return { mentor: mentor?.discordId ?? "?", comment: r.comment };
}

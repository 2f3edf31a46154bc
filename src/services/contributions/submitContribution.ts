import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { ensureMember } from "../members/ensureMember.ts";
import { mentorReviewDue } from "../mentorship/reviewContribution.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { CONTRIBUTION_INDEX_VERSION, contributionIndex } from "./contributionIndex.ts";
import { type ContributionDraft, titleKey, validateContribution } from "./contributionRules.ts";

/**
 * Stores a new contribution as `submitted`, records it in the audit chain and queues its public post, and, for a
 * mentored newcomer's first contributions, the note that tells their mentor it waits for a review.
 */
export async function submitContribution(
  deps: Pick<ServiceDeps, "db" | "mentorship" | "now" | "settings">,
  actor: Actor,
  draft: ContributionDraft,
) {
  const clean = validateContribution(draft);
  const key = titleKey(clean.title);
  const index = contributionIndex(clean);
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const member = await ensureMember(tx, actor, now);
    const windowMs = deps.settings.duplicateSubmissionWindowMs;
    const recent = await tx.contribution.findFirst({
      where: { authorId: member.id, titleKey: key, createdAt: { gt: new Date(now.getTime() - windowMs) } },
      select: { id: true },
    });
    if (recent) {
      throw new UserError("duplicate_submission", {
        contributionId: recent.id,
        windowSeconds: Math.round(windowMs / 1000),
      });
    }
    const contribution = await tx.contribution.create({
      data: {
        guildId: actor.guildId,
        authorId: member.id,
        title: clean.title,
        titleKey: key,
        description: clean.description,
        category: clean.category,
        links: clean.links,
        hours: clean.hours ?? null,
        bands: index.bands,
        indexVersion: CONTRIBUTION_INDEX_VERSION,
        createdAt: now,
      },
    });
    // Its evidence claims, in the same transaction: the shared-claim rule of a later evaluation finds them by index.
    if (index.linkKeys.length > 0) {
      await tx.contributionClaim.createMany({
        data: index.linkKeys.map((k) => ({
          guildId: actor.guildId,
          contributionId: contribution.id,
          key: k,
          source: "link",
        })),
      });
    }
    const reviewDue = await mentorReviewDue(tx, deps.mentorship, contribution, actor.discordId);
    await enqueuePosts(tx, now, [
      { guildId: actor.guildId, kind: "contribution", subjectId: contribution.id },
      ...(reviewDue
        ? [{ guildId: actor.guildId, kind: "note" as const, note: { channel: "governance" as const, fact: reviewDue } }]
        : []),
    ]);
    // The audit event last: the chain's lock is held from here to the commit.
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "contribution.submitted",
      subjectType: "contribution",
      subjectId: String(contribution.id),
      payload: {
        title: clean.title,
        category: clean.category,
        links: clean.links,
        hours: clean.hours ?? null,
        descriptionLength: clean.description.length,
      },
      createdAt: now,
    });
    return { ...contribution, author: member };
  });
}

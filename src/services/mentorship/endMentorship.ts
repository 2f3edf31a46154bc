import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";

/**
 * `/mentor end`: the newcomer ends their own open mentorship (or request); with `newcomer`, their mentor or a
 * moderator ends that newcomer's. Work submitted while it was active still earns its mentor the share at a later close;
 * work submitted after it ended does not.
 */
export async function endMentorship(
  deps: Pick<ServiceDeps, "db" | "now">,
  actor: Actor,
  isModerator: boolean,
  newcomerDiscordId: string | null,
): Promise<{ mentorshipId: number; newcomer: string; mentor: string | null }> {
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const who = newcomerDiscordId ?? actor.discordId;
    const newcomer = await tx.member.findUnique({
      where: { guildId_discordId: { guildId: actor.guildId, discordId: who } },
    });
    const open = newcomer ? await tx.mentorship.findUnique({ where: { openFor: newcomer.id } }) : null;
    if (!open) throw new UserError("mentor_none_open", {});
    const mentor = open.mentorId ? await tx.member.findUnique({ where: { id: open.mentorId } }) : null;
    const mine = who === actor.discordId || mentor?.discordId === actor.discordId;
    if (!mine && !isModerator) throw new UserError("mentor_not_yours", { newcomer: who });
    await tx.mentorship.update({
      where: { id: open.id },
      data: { status: "ended", openFor: null, endedAt: now, endedBy: actor.discordId },
    });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "mentorship.ended",
      subjectType: "mentorship",
      subjectId: String(open.id),
      payload: { newcomer: who, mentor: mentor?.discordId ?? null, was: open.status },
      createdAt: now,
    });
    // Whoever of the pair did not end it learns it did (a newcomer withdrawing a request tells no one).
    const tell = [who, mentor?.discordId].filter((id): id is string => id !== undefined && id !== actor.discordId);
    if (tell.length > 0) {
      await enqueuePosts(tx, now, [
        {
          guildId: actor.guildId,
          kind: "note",
          note: {
            channel: "governance",
            fact: {
              kind: "mentor_ended",
              mentorshipId: open.id,
              newcomer: who,
              mentor: mentor?.discordId ?? null,
              by: actor.discordId,
              tell,
            },
          },
        },
      ]);
    }
    return { mentorshipId: open.id, newcomer: who, mentor: mentor?.discordId ?? null };
  });
}

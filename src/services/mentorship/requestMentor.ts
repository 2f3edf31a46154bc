import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { ensureMember } from "../members/ensureMember.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { requireText } from "../requireText.ts";
import { isNewcomer } from "./isNewcomer.ts";

export const MENTOR_NOTE_MAX = 500;

/**
 * `/mentor request`: a newcomer asks for a mentor. The request is posted in the governance channel, where holders
 * of MENTOR_ROLE can accept it. A newcomer has one open mentorship at most (the unique `openFor`).
 */
export async function requestMentor(
  deps: Pick<ServiceDeps, "db" | "now">,
  actor: Actor,
  note: string | null,
): Promise<{ mentorshipId: number }> {
  const text = note === null || note.trim() === "" ? null : requireText("note", note, MENTOR_NOTE_MAX);
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const member = await ensureMember(tx, actor, now);
    const open = await tx.mentorship.findUnique({ where: { openFor: member.id } });
    if (open) {
      const mentor = open.mentorId ? await tx.member.findUnique({ where: { id: open.mentorId } }) : null;
      throw new UserError("mentor_already_open", {
        status: open.status as "requested" | "active",
        mentor: mentor?.discordId ?? null,
      });
    }
    if (!(await isNewcomer(tx, member.id))) throw new UserError("mentor_not_newcomer", {});
    const m = await tx.mentorship.create({
      data: {
        guildId: actor.guildId,
        newcomerId: member.id,
        status: "requested",
        note: text,
        openFor: member.id,
        requestedAt: now,
      },
    });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "mentorship.requested",
      subjectType: "mentorship",
      subjectId: String(m.id),
      payload: { newcomer: actor.discordId },
      createdAt: now,
    });
    await enqueuePosts(tx, now, [
      {
        guildId: actor.guildId,
        kind: "note",
        note: {
          channel: "governance",
          fact: { kind: "mentor_requested", mentorshipId: m.id, newcomer: actor.discordId, note: text },
        },
      },
    ]);
    return { mentorshipId: m.id };
  });
}

import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import { jurorConflict } from "../calibration/refuseJuror.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { ensureMember } from "../members/ensureMember.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";

/** Only holders of MENTOR_ROLE take newcomers (roles as the adapter read them from Discord). */
export function requireMentor(deps: Pick<ServiceDeps, "mentorship">, roles: readonly string[]) {
  if (!roles.includes(deps.mentorship.role)) throw new UserError("missing_role", { role: deps.mentorship.role });
}

/**
 * `/mentor accept`: a mentor takes a newcomer's open request. Refused for themselves and for anyone who ever shared
 * a wallet address with them (an alt: the conflict rule jurors and moderators deciding money follow). Of two mentors
 * accepting at once, the conditional update lets exactly one through; the other is told who was first. The newcomer
 * is told in the governance channel (the request was public there too).
 */
export async function acceptMentee(
  deps: Pick<ServiceDeps, "db" | "mentorship" | "now">,
  actor: Actor,
  roles: readonly string[],
  newcomerDiscordId: string,
): Promise<{ mentorshipId: number; newcomer: string }> {
  requireMentor(deps, roles);
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const newcomer = await tx.member.findUnique({
      where: { guildId_discordId: { guildId: actor.guildId, discordId: newcomerDiscordId } },
    });
    const open = newcomer ? await tx.mentorship.findUnique({ where: { openFor: newcomer.id } }) : null;
    if (!newcomer || !open) throw new UserError("mentor_no_request", { newcomer: newcomerDiscordId });
    const conflict = await jurorConflict(tx, actor, newcomer.id);
    if (conflict?.reason === "author") throw new UserError("mentor_self", {});
    if (conflict?.reason === "shared_wallet") {
      throw new UserError("mentor_shares_wallet", { newcomer: newcomerDiscordId, address: conflict.address });
    }
    const mentor = await ensureMember(tx, actor, now);
    const taken = await tx.mentorship.updateMany({
      where: { id: open.id, status: "requested" },
      data: { status: "active", mentorId: mentor.id, acceptedAt: now },
    });
    if (taken.count === 0) {
      const current = await tx.mentorship.findUniqueOrThrow({ where: { id: open.id } });
      const by = current.mentorId ? await tx.member.findUnique({ where: { id: current.mentorId } }) : null;
      throw new UserError("mentor_taken", { newcomer: newcomerDiscordId, mentor: by?.discordId ?? null });
    }
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "mentorship.accepted",
      subjectType: "mentorship",
      subjectId: String(open.id),
      payload: { newcomer: newcomerDiscordId, mentor: actor.discordId },
      createdAt: now,
    });
    await enqueuePosts(tx, now, [
      {
        guildId: actor.guildId,
        kind: "note",
        note: {
          channel: "governance",
          fact: {
            kind: "mentor_accepted",
            mentorshipId: open.id,
            newcomer: newcomerDiscordId,
            mentor: actor.discordId,
          },
        },
      },
    ]);
    return { mentorshipId: open.id, newcomer: newcomerDiscordId };
  });
}

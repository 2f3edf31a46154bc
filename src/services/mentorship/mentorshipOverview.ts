import type { Actor, ServiceDeps } from "../deps.ts";
import { isNewcomer } from "./isNewcomer.ts";

export interface MentorRequestFact {
  mentorshipId: number;
  newcomer: string;
  note: string | null;
  requestedAt: Date;
}

/** `/mentor list`: the open requests, oldest first, and the member's own mentorships (as newcomer and as mentor). */
export async function mentorshipOverview(deps: Pick<ServiceDeps, "db">, actor: Actor) {
  const requests = await deps.db.mentorship.findMany({
    where: { guildId: actor.guildId, status: "requested" },
    orderBy: { id: "asc" },
    take: 20,
  });
  const discordOf = await discordIds(
    deps,
    requests.map((r) => r.newcomerId),
  );
  const mine = await myMentorship(deps, actor);
  const me = await deps.db.member.findUnique({
    where: { guildId_discordId: { guildId: actor.guildId, discordId: actor.discordId } },
  });
  const mentees = me
    ? await deps.db.mentorship.findMany({ where: { mentorId: me.id, status: "active" }, orderBy: { id: "asc" } })
    : [];
  const menteeIds = await discordIds(
    deps,
    mentees.map((m) => m.newcomerId),
  );
  return {
    requests: requests.map(
      (r): MentorRequestFact => ({
        mentorshipId: r.id,
        newcomer: discordOf.get(r.newcomerId) ?? "?",
        note: r.note,
        requestedAt: r.requestedAt,
      }),
    ),
    mine,
    mentees: mentees.map((m) => menteeIds.get(m.newcomerId) ?? "?"),
  };
}

/** The member's own open mentorship as a newcomer (for `/start` and `/mentor list`), or null. */
export async function myMentorship(
  deps: Pick<ServiceDeps, "db">,
  actor: Actor,
): Promise<{ status: "requested" | "active"; mentor: string | null } | null> {
  const member = await deps.db.member.findUnique({
    where: { guildId_discordId: { guildId: actor.guildId, discordId: actor.discordId } },
  });
  const open = member ? await deps.db.mentorship.findUnique({ where: { openFor: member.id } }) : null;
  if (!open) return null;
  const mentor = open.mentorId ? await deps.db.member.findUnique({ where: { id: open.mentorId } }) : null;
  return { status: open.status as "requested" | "active", mentor: mentor?.discordId ?? null };
}

/**
 * The `/start` guide's mentor step: the member's open mentorship, and whether they may ask for one (a newcomer; a
 * member already paid would only be refused).
 */
export async function mentorStep(deps: Pick<ServiceDeps, "db">, actor: Actor) {
  const member = await deps.db.member.findUnique({
    where: { guildId_discordId: { guildId: actor.guildId, discordId: actor.discordId } },
  });
  return {
    mine: await myMentorship(deps, actor),
    newcomer: member ? await isNewcomer(deps.db, member.id) : true,
  };
}

async function discordIds(deps: Pick<ServiceDeps, "db">, ids: string[]) {
  const members = await deps.db.member.findMany({ where: { id: { in: ids } }, select: { id: true, discordId: true } });
  return new Map(members.map((m) => [m.id, m.discordId]));
}

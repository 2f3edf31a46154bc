import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { ensureMember } from "../members/ensureMember.ts";

export interface NotifyView {
  votes: boolean;
  /** Reminders are configured at all (REMINDER_BEFORE), in seconds before a vote's end. */
  beforeSeconds: number[];
}

export async function notifySettings(
  deps: Pick<ServiceDeps, "db" | "now" | "reminders">,
  actor: Actor,
): Promise<NotifyView> {
  const member = await ensureMember(deps.db, actor, deps.now());
  return { votes: member.notifyVotes, beforeSeconds: deps.reminders?.beforeSeconds ?? [] };
}

/** A member's own opt-in (or out) of reminder DMs before votes close. Audited. */
export async function setNotifyVotes(
  deps: Pick<ServiceDeps, "db" | "now" | "reminders">,
  actor: Actor,
  on: boolean,
): Promise<NotifyView> {
  const member = await runAudited(deps.db, async (tx) => {
    const now = deps.now();
    const m = await ensureMember(tx, actor, now);
    // Turning it on again is the member's answer to "your DMs are closed": nothing is left to tell them.
    const updated = await tx.member.update({
      where: { id: m.id },
      data: { notifyVotes: on, ...(on ? { dmsClosedAt: null } : {}) },
    });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "member.notify",
      subjectType: "member",
      subjectId: m.id,
      payload: { votes: on },
      createdAt: now,
    });
    return updated;
  });
  return { votes: member.notifyVotes, beforeSeconds: deps.reminders?.beforeSeconds ?? [] };
}

/** A reminder DM was delivered. */
export async function recordReminderDmSent(deps: Pick<ServiceDeps, "db" | "now">, dmId: number): Promise<void> {
  await deps.db.reminderDm.update({ where: { id: dmId }, data: { status: "sent", sentAt: deps.now() } });
}

/** The DM was not sent: the member voted or opted out since it was queued. */
export async function recordReminderDmDropped(deps: Pick<ServiceDeps, "db">, dmId: number): Promise<void> {
  await deps.db.reminderDm.update({ where: { id: dmId }, data: { status: "not_needed" } });
}

/**
 * Discord refused the DM because the member does not accept DMs from the bot (50007): the option is turned off, so
 * Steward stops trying, and the member is told at their next command. Audited, as the member's own change is.
 */
export async function recordDmsClosed(deps: Pick<ServiceDeps, "db" | "now">, dmId: number): Promise<void> {
  await runAudited(deps.db, async (tx) => {
    const now = deps.now();
    const dm = await tx.reminderDm.update({ where: { id: dmId }, data: { status: "dms_closed" } });
    const member = await tx.member.update({
      where: { id: dm.memberId },
      data: { notifyVotes: false, dmsClosedAt: now },
    });
    await appendAuditEvent(tx, {
      guildId: member.guildId,
      actorId: "system:reminders",
      action: "member.notify",
      subjectType: "member",
      subjectId: member.id,
      payload: { votes: false, reason: "dms_closed" },
      createdAt: now,
    });
  });
}

/**
 * Takes the "your DMs are closed" notice of a member, once: the first command after the refusal tells them, and
 * no later one does. Null when there is nothing to tell.
 */
export async function takeDmsClosedNotice(
  deps: Pick<ServiceDeps, "db">,
  guildId: string,
  discordId: string,
): Promise<Date | null> {
  const rows = await deps.db.$queryRawUnsafe<{ at: Date }[]>(
    `UPDATE "Member" m SET "dmsClosedAt" = NULL FROM "Member" old
     WHERE m."id" = old."id" AND m."guildId" = $1 AND m."discordId" = $2 AND m."dmsClosedAt" IS NOT NULL
     RETURNING old."dmsClosedAt" AS "at"`,
    guildId,
    discordId,
  );
  return rows[0]?.at ?? null;
}

/** Gives the notice back when telling the member failed, so the next command tells them. */
export async function restoreDmsClosedNotice(
  deps: Pick<ServiceDeps, "db">,
  guildId: string,
  discordId: string,
  at: Date,
): Promise<void> {
  await deps.db.member.updateMany({ where: { guildId, discordId, dmsClosedAt: null }, data: { dmsClosedAt: at } });
}

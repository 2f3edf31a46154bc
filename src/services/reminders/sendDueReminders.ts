import type { ServiceDeps } from "../deps.ts";
import { enqueuePosts, type PostRequest } from "../publishing/enqueuePosts.ts";
import { whoMayVote } from "./whoMayVote.ts";

type Deps = Pick<ServiceDeps, "db" | "now" | "reminders" | "governance">;

export interface RemindersDue {
  /** Reminders queued now (a #governance post each, and DMs to opted-in members who had not voted). */
  /** `dmsNotChecked`: Discord would not list the members (why), so nobody was known to be eligible for a DM. */
  sent: { proposalId: number; offsetSeconds: number; dms: number; dmsNotChecked?: string }[];
  /** Reminders that fell due together with a nearer one (Steward was down): recorded, never sent. */
  skipped: { proposalId: number; offsetSeconds: number }[];
  /** Due, but left to a process connected to Discord (this one cannot tell who may vote): not recorded. */
  deferred: { proposalId: number; offsetSeconds: number }[];
}

/**
 * The REMINDER_BEFORE offsets of an open vote that are due now: the reminder's time has come, the vote is still
 * open, and the reminder falls inside the voting period (a 24h reminder of a 2h vote would only repeat its opening).
 */
export function dueOffsets(
  offsets: readonly number[],
  vote: { openedAt: Date | null; endsAt: Date },
  now: Date,
): number[] {
  if (vote.endsAt <= now) return [];
  const opened = vote.openedAt?.getTime() ?? 0;
  return offsets.filter((s) => {
    const at = vote.endsAt.getTime() - s * 1000;
    return at <= now.getTime() && at > opened;
  });
}

/**
 * Records and queues every reminder due now, exactly once: the row (proposal, offset) is unique, so a second
 * process, a repeated run or a restart finds it made and queues nothing. When several fell due while Steward was
 * down, only the nearest is sent (a "24 hours left" post an hour before the end would mislead); the others are
 * recorded as skipped so they never go out later. The post and the DMs are written to the outbox in the same
 * transaction as the reminder, so a reminder exists exactly when its messages are queued.
 */
export async function sendDueReminders(deps: Deps): Promise<RemindersDue> {
  const offsets = deps.reminders?.beforeSeconds ?? [];
  const out: RemindersDue = { sent: [], skipped: [], deferred: [] };
  if (offsets.length === 0) return out;
  const now = deps.now();
  const horizon = new Date(now.getTime() + Math.max(...offsets) * 1000);
  const votes = await deps.db.proposal.findMany({
    where: { status: "open", endsAt: { gt: now, lte: horizon } },
    select: { id: true, guildId: true, openedAt: true, endsAt: true },
    orderBy: { id: "asc" },
  });
  for (const vote of votes) {
    if (!vote.endsAt) continue;
    const due = dueOffsets(offsets, { openedAt: vote.openedAt, endsAt: vote.endsAt }, now);
    if (due.length === 0) continue;
    const nearest = Math.min(...due);
    const recorded = await deps.db.voteReminder.findMany({
      where: { proposalId: vote.id },
      select: { offsetSeconds: true },
    });
    if (due.every((s) => recorded.some((r) => r.offsetSeconds === s))) continue;
    // Who may vote is read from Discord's member list, before the transaction (never hold one open on Discord).
    const waiting = await deps.db.member.findMany({
      where: { guildId: vote.guildId, notifyVotes: true, NOT: { id: { in: await voterIds(deps.db, vote.id) } } },
      select: { discordId: true },
    });
    const mayVote = await whoMayVote(
      deps,
      vote.guildId,
      waiting.map((m) => m.discordId),
      now,
    );
    if (mayVote.unavailable === "offline") {
      out.deferred.push({ proposalId: vote.id, offsetSeconds: nearest });
      continue;
    }
    const made = await deps.db.$transaction(async (tx) => {
      const rows = await tx.voteReminder.createManyAndReturn({
        data: due.map((offsetSeconds) => ({
          guildId: vote.guildId,
          proposalId: vote.id,
          offsetSeconds,
          status: offsetSeconds === nearest ? "sent" : "skipped",
          createdAt: now,
        })),
        skipDuplicates: true,
      });
      const reminder = rows.find((r) => r.status === "sent");
      let dms = 0;
      if (reminder) {
        const posts: PostRequest[] = [{ guildId: vote.guildId, kind: "reminder", subjectId: reminder.id }];
        // Opted in, and no vote yet (a member who voted needs no reminder; a changed vote is still a vote); and
        // allowed to vote: "you have not voted" to a member who may not would be wrong.
        const members = await tx.member.findMany({
          where: {
            guildId: vote.guildId,
            notifyVotes: true,
            discordId: { in: [...mayVote.eligible] },
            NOT: { id: { in: await voterIds(tx, vote.id) } },
          },
          select: { id: true, discordId: true },
        });
        const queued = await tx.reminderDm.createManyAndReturn({
          data: members.map((m) => ({ reminderId: reminder.id, memberId: m.id, discordId: m.discordId })),
          skipDuplicates: true,
        });
        for (const dm of queued) posts.push({ guildId: vote.guildId, kind: "reminder_dm", subjectId: dm.id });
        dms = queued.length;
        await enqueuePosts(tx, now, posts);
      }
      return { rows, reminder, dms };
    });
    if (made.reminder) {
      out.sent.push({
        proposalId: vote.id,
        offsetSeconds: nearest,
        dms: made.dms,
        ...(mayVote.unavailable ? { dmsNotChecked: mayVote.unavailable } : {}),
      });
    }
    for (const r of made.rows.filter((x) => x.status === "skipped")) {
      out.skipped.push({ proposalId: vote.id, offsetSeconds: r.offsetSeconds });
    }
  }
  return out;
}

async function voterIds(tx: Pick<Deps["db"], "vote">, proposalId: number): Promise<string[]> {
  const votes = await tx.vote.findMany({ where: { proposalId }, select: { memberId: true } });
  return votes.map((v) => v.memberId);
}

/**
 * Whether a reminder is due and not yet recorded (the watcher's cheap check, every second): an open vote with a
 * due offset that has no row.
 */
export async function reminderDue(deps: Deps): Promise<boolean> {
  const offsets = deps.reminders?.beforeSeconds ?? [];
  if (offsets.length === 0) return false;
  const rows = await deps.db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT p."id" FROM "Proposal" p CROSS JOIN unnest($2::int[]) AS o(s)
     WHERE p."status" = 'open' AND p."endsAt" > $1::timestamptz AT TIME ZONE 'UTC'
       AND p."endsAt" - make_interval(secs => o.s) <= $1::timestamptz AT TIME ZONE 'UTC'
       AND p."endsAt" - make_interval(secs => o.s) > COALESCE(p."openedAt", 'epoch'::timestamp)
       AND NOT EXISTS (SELECT 1 FROM "VoteReminder" r WHERE r."proposalId" = p."id" AND r."offsetSeconds" = o.s)
     LIMIT 1`,
    deps.now().toISOString(),
    offsets,
  );
  return rows.length > 0;
}

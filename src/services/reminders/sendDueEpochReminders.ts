import { drawCalibrationSample } from "../calibration/drawCalibrationSample.ts";
import type { ServiceDeps } from "../deps.ts";
import { ensureOpenEpoch } from "../epochs/ensureOpenEpoch.ts";
import { nextCronRun } from "../epochs/nextCronRun.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { dueOffsets } from "./sendDueReminders.ts";

type Deps = Pick<ServiceDeps, "db" | "now" | "reminders" | "epochs">;
type SendDeps = Deps & Pick<ServiceDeps, "calibration">;

export interface EpochRemindersDue {
  /** Reminders queued now (a #governance post each), and the jury sample each drew (null: none, or drawn before). */
  sent: { guildId: string; epochNumber: number; closesAt: Date; offsetSeconds: number; juryDrawn: number | null }[];
  /** Reminders that fell due together with a nearer one (Steward was down): recorded, never sent. */
  skipped: { guildId: string; epochNumber: number; offsetSeconds: number }[];
}

interface DueEpoch {
  guildId: string;
  /** The guild's open epoch; null while its first one has not opened yet (it opens on first use, or at the close). */
  epoch: { id: number; number: number } | null;
  closesAt: Date;
  /** The offsets due now that have no reminder yet. */
  missing: number[];
  /** Every offset due now, recorded or not (the nearest of them is the one sent). */
  due: number[];
}

/**
 * The guilds whose open epoch has a reminder due and not yet recorded: the epoch closes at the next EPOCH_CRON time
 * (the close-epoch job's schedule), and a reminder is due REMINDER_BEFORE earlier, unless that was before the epoch
 * started (an epoch opened by a close by hand an hour ago gets no "24 hours left"). Every guild Steward has members
 * in has an epoch, as the close-epoch job sees it. Reads nothing while no reminder can be due.
 */
async function dueEpochs(deps: Deps, now: Date): Promise<DueEpoch[]> {
  const offsets = deps.reminders?.beforeSeconds ?? [];
  const expression = deps.reminders?.epochCron;
  if (offsets.length === 0 || !expression) return [];
  const closesAt = nextCronRun(expression, now);
  if (!closesAt || dueOffsets(offsets, { openedAt: null, endsAt: closesAt }, now).length === 0) return [];
  const [guilds, epochs] = await Promise.all([
    deps.db.$queryRawUnsafe<{ guildId: string }[]>(`SELECT DISTINCT "guildId" FROM "Member" ORDER BY 1`),
    deps.db.epoch.findMany({
      where: { status: "open" },
      select: {
        id: true,
        guildId: true,
        number: true,
        startsAt: true,
        reminders: { where: { closesAt }, select: { offsetSeconds: true } },
      },
    }),
  ]);
  const openIn = new Map(epochs.map((e) => [e.guildId, e]));
  const out: DueEpoch[] = [];
  for (const guildId of new Set([...guilds.map((g) => g.guildId), ...openIn.keys()])) {
    const epoch = openIn.get(guildId) ?? null;
    const due = dueOffsets(offsets, { openedAt: epoch?.startsAt ?? null, endsAt: closesAt }, now);
    const made = new Set(epoch?.reminders.map((r) => r.offsetSeconds) ?? []);
    const missing = due.filter((s) => !made.has(s));
    if (missing.length > 0) out.push({ guildId, epoch, closesAt, missing, due });
  }
  return out;
}

/**
 * Records and queues every epoch reminder due now, exactly once: the row (epoch, close, offset) is unique, so a
 * second process, a repeated run or a restart finds it made and queues nothing. After downtime only the nearest
 * due one is sent; the others are recorded as skipped. An epoch closed by hand before its reminder is not open any
 * more and gets none. The post is written to the outbox in the same transaction as the reminder.
 */
export async function sendDueEpochReminders(deps: SendDeps): Promise<EpochRemindersDue> {
  const now = deps.now();
  const out: EpochRemindersDue = { sent: [], skipped: [] };
  for (const d of await dueEpochs(deps, now)) {
    const nearest = Math.min(...d.due);
    const made = await deps.db.$transaction(async (tx) => {
      // The first epoch opens on first use; its reminder is a use (the close would open it anyway).
      const epoch = d.epoch ?? (await ensureOpenEpoch(tx, d.guildId, deps.epochs.budget, now));
      const rows = await tx.epochReminder.createManyAndReturn({
        data: d.missing.map((offsetSeconds) => ({
          guildId: d.guildId,
          epochId: epoch.id,
          closesAt: d.closesAt,
          offsetSeconds,
          status: offsetSeconds === nearest ? "sent" : "skipped",
          createdAt: now,
        })),
        skipDuplicates: true,
      });
      const reminder = rows.find((r) => r.status === "sent");
      if (reminder)
        await enqueuePosts(tx, now, [{ guildId: d.guildId, kind: "epoch_reminder", subjectId: reminder.id }]);
      return { epoch, rows, reminder };
    });
    const epochNumber = made.epoch.number;
    // The blind jury's sample is drawn with the first reminder before the close (if no juror drew it yet): jurors
    // score while the epoch is open, and the close only reads what they said. Its own audited transaction, after
    // the reminder's: a crash between leaves it to the next reminder or the first `/jury next`.
    const jury =
      made.reminder && deps.calibration.percent !== null
        ? await drawCalibrationSample(deps, d.guildId, "system:remind")
        : null;
    const juryDrawn = jury?.drawn ? (jury.sample?.items.length ?? null) : null;
    if (made.reminder)
      out.sent.push({ guildId: d.guildId, epochNumber, closesAt: d.closesAt, offsetSeconds: nearest, juryDrawn });
    for (const r of made.rows.filter((x) => x.status === "skipped")) {
      out.skipped.push({ guildId: d.guildId, epochNumber, offsetSeconds: r.offsetSeconds });
    }
  }
  return out;
}

/** Whether an epoch reminder is due and not yet recorded (the watcher's check, every second). */
export async function epochReminderDue(deps: Deps): Promise<boolean> {
  return (await dueEpochs(deps, deps.now())).length > 0;
}

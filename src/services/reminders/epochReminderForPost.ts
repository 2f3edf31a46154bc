import type { ServiceDeps } from "../deps.ts";

/** What an epoch reminder shows, read when it is sent: when the epoch closes and where its contributions stand. */
export interface EpochReminderFacts {
  guildId: string;
  epochNumber: number;
  closesAt: Date;
  offsetSeconds: number;
  /** Still open and not yet past its close: an epoch closed by hand meanwhile gets no reminder. */
  open: boolean;
  /** Contributions of the epoch evaluated (they count at the close), and those still waiting for evaluation. */
  evaluated: number;
  awaitingEvaluation: number;
  /** The epoch's blind jury sample: items drawn and items no juror has scored yet (null: no sample). */
  jury: { sampled: number; unreviewed: number } | null;
}

export async function epochReminderForPost(
  deps: Pick<ServiceDeps, "db" | "now">,
  reminderId: number,
): Promise<EpochReminderFacts> {
  const r = await deps.db.epochReminder.findUniqueOrThrow({ where: { id: reminderId }, include: { epoch: true } });
  const pending = { guildId: r.guildId, epochId: null };
  const [evaluated, awaitingEvaluation, sample] = await Promise.all([
    deps.db.contribution.count({ where: { ...pending, status: "evaluated" } }),
    deps.db.contribution.count({ where: { ...pending, status: { in: ["submitted", "evaluating"] } } }),
    deps.db.calibrationSample.findUnique({
      where: { epochId: r.epochId },
      select: { items: { select: { _count: { select: { reviews: true } } } } },
    }),
  ]);
  return {
    guildId: r.guildId,
    epochNumber: r.epoch.number,
    closesAt: r.closesAt,
    offsetSeconds: r.offsetSeconds,
    open: r.epoch.status === "open" && r.closesAt > deps.now(),
    evaluated,
    awaitingEvaluation,
    jury: sample
      ? { sampled: sample.items.length, unreviewed: sample.items.filter((i) => i._count.reviews === 0).length }
      : null,
  };
}

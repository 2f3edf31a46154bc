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
}

export async function epochReminderForPost(
  deps: Pick<ServiceDeps, "db" | "now">,
  reminderId: number,
): Promise<EpochReminderFacts> {
  const r = await deps.db.epochReminder.findUniqueOrThrow({ where: { id: reminderId }, include: { epoch: true } });
  const pending = { guildId: r.guildId, epochId: null };
  const [evaluated, awaitingEvaluation] = await Promise.all([
    deps.db.contribution.count({ where: { ...pending, status: "evaluated" } }),
    deps.db.contribution.count({ where: { ...pending, status: { in: ["submitted", "evaluating"] } } }),
  ]);
  return {
    guildId: r.guildId,
    epochNumber: r.epoch.number,
    closesAt: r.closesAt,
    offsetSeconds: r.offsetSeconds,
    open: r.epoch.status === "open" && r.closesAt > deps.now(),
    evaluated,
    awaitingEvaluation,
  };
}

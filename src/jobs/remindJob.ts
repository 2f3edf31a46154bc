import { sendDueEpochReminders } from "../services/reminders/sendDueEpochReminders.ts";
import { sendDueReminders } from "../services/reminders/sendDueReminders.ts";
import type { Job } from "./types.ts";

export const remindJob: Job = {
  name: "remind",
  // The reminder watcher also kicks it the moment a reminder falls due.
  schedule: "* * * * *",
  description:
    "Posts a reminder in #governance at each REMINDER_BEFORE offset before a vote closes (turnout against quorum, how many may still vote) and DMs opted-in members who may vote and have not; and before the epoch closes on EPOCH_CRON (contributions evaluated and awaiting evaluation; the first one draws the blind jury's sample, if not drawn yet). Each reminder once, across restarts and processes (after downtime only the nearest due one).",
  async run({ services }) {
    const r = await sendDueReminders(services);
    const e = await sendDueEpochReminders(services);
    const parts = [
      ...r.sent.map(
        (s) =>
          `#${s.proposalId} ${s.offsetSeconds}s before the end (${s.dms} DM(s)${s.dmsNotChecked ? `; none could be checked for eligibility: ${s.dmsNotChecked}` : ""})`,
      ),
      ...(r.deferred.length > 0
        ? [
            `left to a process connected to Discord (who may vote is unknown here): ${r.deferred.map((s) => `#${s.proposalId}`).join(", ")}`,
          ]
        : []),
      ...(r.skipped.length > 0
        ? [`skipped (a nearer one was due): ${r.skipped.map((s) => `#${s.proposalId} ${s.offsetSeconds}s`).join(", ")}`]
        : []),
      ...e.sent.map(
        (s) =>
          `epoch ${s.epochNumber} ${s.offsetSeconds}s before its close${s.juryDrawn !== null ? ` (jury sample of ${s.juryDrawn} drawn)` : ""}`,
      ),
      ...(e.skipped.length > 0
        ? [`epoch reminders skipped: ${e.skipped.map((s) => `epoch ${s.epochNumber} ${s.offsetSeconds}s`).join(", ")}`]
        : []),
    ];
    return {
      // Members missed a DM because Discord would not list who may vote (the Server Members intent): worth a look.
      outcome: r.sent.some((s) => s.dmsNotChecked) ? "problem" : "ok",
      summary: parts.length > 0 ? `reminded: ${parts.join("; ")}` : "no reminder due",
      detail: { sent: r.sent, skipped: r.skipped, deferred: r.deferred, epochs: { sent: e.sent, skipped: e.skipped } },
    };
  },
};

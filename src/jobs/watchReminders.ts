import type { Logger } from "../logger.ts";
import type { ServiceDeps } from "../services/deps.ts";
import { epochReminderDue } from "../services/reminders/sendDueEpochReminders.ts";
import { reminderDue } from "../services/reminders/sendDueReminders.ts";
import { watchEvery } from "./watchEvery.ts";

/**
 * Kicks the remind job as soon as a reminder (of a vote or of the epoch's close) falls due (and at start, for one that fell due while Steward was
 * down), as the vote deadline watcher does for closing: the schedule lives in the database, this only polls it.
 */
export function watchReminders(
  services: Pick<ServiceDeps, "db" | "epochs" | "governance" | "now" | "reminders">,
  logger: Logger,
  kick: () => void,
  everyMs = 1000,
): () => void {
  if ((services.reminders?.beforeSeconds ?? []).length === 0) return () => {};
  return watchEvery(
    everyMs,
    async () => {
      if ((await reminderDue(services)) || (await epochReminderDue(services))) kick();
    },
    logger,
    "could not check for due reminders",
  );
}

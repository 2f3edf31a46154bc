import type { Logger } from "../logger.ts";
import type { ServiceDeps } from "../services/deps.ts";

/**
 * Kicks close-votes as soon as a vote's period has ended, instead of at the next cron minute (a 5s vote in a
 * test, a 48h vote in production). The deadline lives in the database; this only polls it, cheaply (indexed).
 */
export function watchVoteDeadlines(
  services: ServiceDeps,
  logger: Logger,
  kick: () => void,
  everyMs = 1000,
): () => void {
  let busy = false;
  let stopped = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const due = await services.db.proposal.findFirst({
        where: { status: "open", endsAt: { lte: services.now() } },
        select: { id: true },
      });
      if (due) kick();
    } catch (err) {
      // During shutdown the database closes under us; otherwise the cron schedule still closes votes.
      if (!stopped) logger.warn({ err }, "could not check vote deadlines");
    } finally {
      busy = false;
    }
  }, everyMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

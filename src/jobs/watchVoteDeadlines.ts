import type { ServiceDeps } from "../services/deps.ts";

/**
 * Kicks close-votes as soon as a vote's period has ended, instead of at the next cron minute (a 5s vote in a
 * test, a 48h vote in production). The deadline lives in the database; this only polls it, cheaply (indexed).
 */
export function watchVoteDeadlines(services: ServiceDeps, kick: () => void, everyMs = 1000): () => void {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const due = await services.db.proposal.findFirst({
        where: { status: "open", endsAt: { lte: services.now() } },
        select: { id: true },
      });
      if (due) kick();
    } catch {
      // The database may be closing during shutdown; the cron schedule still closes votes.
    } finally {
      busy = false;
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

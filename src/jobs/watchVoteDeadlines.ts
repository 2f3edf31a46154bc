import type { Logger } from "../logger.ts";
import type { ServiceDeps } from "../services/deps.ts";
import { watchEvery } from "./watchEvery.ts";

/**
 * Kicks close-votes as soon as a vote's period has ended, instead of at the next cron minute (a 5s vote in a
 * test, a 48h vote in production). The deadline lives in the database; this only polls it, cheaply (indexed).
 */
export function watchVoteDeadlines(
  services: Pick<ServiceDeps, "db" | "now">,
  logger: Logger,
  kick: () => void,
  everyMs = 1000,
): () => void {
  return watchEvery(
    everyMs,
    async () => {
      const due = await services.db.proposal.findFirst({
        where: { status: "open", endsAt: { lte: services.now() } },
        select: { id: true },
      });
      if (due) kick();
    },
    logger,
    "could not check vote deadlines",
  );
}

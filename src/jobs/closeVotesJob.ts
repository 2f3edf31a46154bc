import { closeExpiredVotes, unpostedResults } from "../services/votes/closeExpiredVotes.ts";
import type { Job } from "./types.ts";

export const closeVotesJob: Job = {
  name: "close-votes",
  // CLOSE_VOTES_CRON overrides this; a due-check also kicks it the moment a vote ends.
  schedule: "* * * * *",
  description:
    "Closes every proposal whose voting period ended (exactly once, across processes), posts the result and sends passing payouts to moderator approval.",
  async run({ services, logger }) {
    const closed = await closeExpiredVotes(services);
    const posted = new Set<number>();
    for (const c of closed) {
      await services.notifier.votingClosed(c.id).catch((err: unknown) => {
        logger.warn({ proposalId: c.id, err }, "could not post the vote result; the next run retries");
      });
      posted.add(c.id);
    }
    // Results a stopped process never posted (claims older than a few minutes are retaken).
    for (const id of await unpostedResults(services)) {
      if (posted.has(id)) continue;
      await services.notifier.votingClosed(id).catch((err: unknown) => {
        logger.warn({ proposalId: id, err }, "could not post the vote result; the next run retries");
      });
    }
    // Proposals created while no bot was connected (or whose post failed) get their message and ballot now.
    await services.notifier.unpostedProposals().catch((err: unknown) => {
      logger.warn({ err }, "could not post the proposals that have no message yet");
    });
    const summary = closed.length === 0 ? "no vote due" : closed.map((c) => `#${c.id} ${c.status}`).join(", ");
    return { outcome: "ok", summary, detail: { closed: closed.map((c) => ({ id: c.id, status: c.status })) } };
  },
};

import { closeExpiredVotes } from "../services/votes/closeExpiredVotes.ts";
import type { Job } from "./types.ts";

export const closeVotesJob: Job = {
  name: "close-votes",
  // CLOSE_VOTES_CRON overrides this; a due-check also kicks it the moment a vote ends.
  schedule: "* * * * *",
  description:
    "Closes every proposal whose voting period ended (exactly once, across processes), queues its result post and sends passing payouts to moderator approval.",
  async run({ services }) {
    const closed = await closeExpiredVotes(services);
    const summary = closed.length === 0 ? "no vote due" : closed.map((c) => `#${c.id} ${c.status}`).join(", ");
    return { outcome: "ok", summary, detail: { closed: closed.map((c) => ({ id: c.id, status: c.status })) } };
  },
};

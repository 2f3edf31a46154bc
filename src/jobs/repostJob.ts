import type { Job } from "./types.ts";

export const repostJob: Job = {
  name: "repost",
  schedule: "* * * * *",
  description:
    "Sends what waits in the outbox now (the running bot's publisher does this continuously): posts queued behind Discord's rate limit and refused posts whose retry is due; moderators are told once about posts that keep failing.",
  async run({ services, posts }) {
    if (!posts) {
      return { outcome: "ok", summary: "no bot is connected in this process: the running bot sends the posts" };
    }
    const due = await services.db.pendingPost.count({ where: { nextAttemptAt: { lte: services.now() } } });
    const { sent, refused } = await posts.drainOnce();
    return {
      outcome: refused > 0 ? "problem" : "ok",
      summary:
        sent + refused === 0
          ? "no post waiting"
          : `${sent} waiting message(s) sent${refused > 0 ? `, ${refused} still refused` : ""}`,
      detail: { due, sent, refused },
    };
  },
};

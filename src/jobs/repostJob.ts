import type { PostKind } from "../generated/prisma/client.ts";
import type { Notifier } from "../services/notifier.ts";
import { claimPostsToReport, duePendingPosts } from "../services/publishing/pendingPosts.ts";
import type { Job } from "./types.ts";

const retry: Record<PostKind, (n: Notifier, id: number) => Promise<{ posted: boolean }>> = {
  contribution: (n, id) => n.contributionSubmitted(id),
  evaluation: (n, id) => n.evaluationCompleted(id),
  appeal: (n, id) => n.appealFiled(id),
  proposal: (n, id) => n.proposalPosted(id),
  result: (n, id) => n.votingClosed(id),
  receipt: (n, id) => n.payoutSettled(id),
};

const what: Record<PostKind, string> = {
  contribution: "contribution",
  evaluation: "evaluation of contribution post",
  appeal: "appeal",
  proposal: "proposal",
  result: "result of proposal",
  receipt: "payout receipt of proposal",
};

export const repostJob: Job = {
  name: "repost",
  schedule: "* * * * *",
  description:
    "Retries the public posts Discord refused (a missing channel or permission, a deleted message) until they are made, and tells the moderators in the governance channel about posts that keep failing.",
  async run({ services }) {
    const notifier = services.notifier;
    if (!notifier.connected()) {
      return { outcome: "ok", summary: "no bot is connected in this process: the running bot retries the posts" };
    }
    const due = await duePendingPosts(services);
    let posted = 0;
    for (const p of due) if ((await retry[p.kind](notifier, p.subjectId)).posted) posted++;
    const failing = await claimPostsToReport(services);
    const byGuild = new Map<string, typeof failing>();
    for (const p of failing) byGuild.set(p.guildId, [...(byGuild.get(p.guildId) ?? []), p]);
    for (const [guildId, rows] of byGuild) {
      const lines = rows.map((p) => `- ${what[p.kind]} #${p.subjectId} in ${p.channel}: ${p.reason}`);
      await notifier.tellModerators(
        guildId,
        `I could not post ${rows.length === 1 ? "this" : `these ${rows.length}`} after several tries:\n${lines.join("\n")}\nFix it and I post ${rows.length === 1 ? "it" : "them"} on my own; \`/steward status\` lists everything that waits.`,
      );
    }
    const left = due.length - posted;
    return {
      outcome: left > 0 ? "problem" : "ok",
      summary:
        due.length === 0 ? "no post waiting" : `${posted} of ${due.length} waiting post(s) made, ${left} still refused`,
      detail: { due: due.length, posted, reported: failing.length },
    };
  },
};

import { DiscordAPIError } from "discord.js";
import type { PendingPost } from "../../generated/prisma/client.ts";
import { failPosts, finishPosts, releasePosts } from "../../services/publishing/pendingPosts.ts";
import { describePostFailure, PostRefused, postFailureText } from "../describePostFailure.ts";
import { laneChannel } from "./lanes.ts";
import { type PostPlan, planPost } from "./planPost.ts";
import { channelLabel, postChannel } from "./postChannel.ts";
import type { PublisherRun } from "./publisherRun.ts";
import { sendDigest } from "./sendDigest.ts";

/** Certain that no message was made: Steward did not send, or Discord refused the request itself. */
const refusedOutright = (error: unknown) =>
  error instanceof PostRefused || (error instanceof DiscordAPIError && error.status < 500);

/** Sends one message (a post or a digest) for the claimed rows and records what came of it. */
export async function sendPost(run: PublisherRun, rows: PendingPost[]): Promise<"sent" | "refused"> {
  const { client, services, settings, logger } = run.deps;
  const first = rows[0] as PendingPost;
  let plan: PostPlan | undefined;
  try {
    if (rows.length > 1) {
      const digest = await sendDigest(run.ctx, rows, run.attemptFor);
      await finishPosts(services, digest.sent);
      // Rows the message had no room for go back to the queue untouched, first in line for the next digest.
      await releasePosts(services, digest.left);
      run.outcomes.settle(digest.sent, { state: "posted", channel: `<#${digest.channelId}>` });
      return "sent";
    }
    plan = await planPost(run.ctx, first, await run.attemptFor(rows));
    if (plan.direct) {
      await plan.direct();
      await finishPosts(services, rows);
      run.outcomes.settle(rows, { state: "posted", channel: plan.where });
      return "sent";
    }
    const channel = postChannel(client, plan.guildId, plan.where);
    await plan.send(channel);
    await finishPosts(services, rows, first.kind === "proposal" ? settings.tallyEditDelayMs : 0);
    run.outcomes.settle(rows, { state: "posted", channel: `<#${channel.id}>` });
    return "sent";
  } catch (error) {
    if (run.stopping && !client.isReady()) return "refused";
    if ((error as { code?: string }).code === "P2025") {
      // Its subject is gone (a hand edit of the database): nothing left to show.
      logger.warn({ kind: first.kind, subjectId: first.subjectId }, "a queued post's subject no longer exists");
      await finishPosts(services, rows);
      run.outcomes.settle(rows, {
        state: "refused",
        channel: laneChannel(settings, first.kind),
        reason: postFailureText(run.ctx.guildT(first.guildId), { kind: "subject_gone" }),
      });
      return "refused";
    }
    const failure = describePostFailure(error);
    // Stored and shown to the server's moderators (and to the member waiting for the post): the server's language.
    const reason = postFailureText(run.ctx.guildT(first.guildId), failure ?? { kind: "steward_error" });
    const channel = channelLabel(client, plan?.where ?? laneChannel(settings, first.kind));
    const log = { kind: first.kind, subjectId: first.subjectId, rows: rows.length, channel, failure };
    if (failure === null) logger.error({ ...log, err: error }, "post failed");
    else logger.warn(log, "post refused");
    await failPosts(services, rows, { channel, reason, nothingSent: refusedOutright(error) });
    run.outcomes.settle(rows, { state: "refused", channel, reason });
    run.failedSinceReport = true;
    return "refused";
  }
}

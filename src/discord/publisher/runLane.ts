import type { PostKind } from "../../generated/prisma/client.ts";
import { claimPosts, duePosts } from "../../services/publishing/pendingPosts.ts";
import { LANES } from "./lanes.ts";
import { nextGroup } from "./nextGroup.ts";
import type { PublisherRun } from "./publisherRun.ts";
import { sendPost } from "./sendPost.ts";
import { tellModeratorsOfFailing } from "./tellModeratorsOfFailing.ts";

/** Without a notification, the outbox is looked at this often (posts from a process without LISTEN, retries). */
const POLL_MS = 1000;

export type PassOutcome = "idle" | "sent" | "refused";

/** One message of a lane, if one is due: whether there was one. */
export async function passLane(run: PublisherRun, kinds: PostKind[]): Promise<PassOutcome> {
  const { client, services } = run.deps;
  // Stopping: nothing new is claimed (what waits stays in the outbox for the next start). Not connected yet:
  // nothing is tried (and counted as refused); it all stays due for when the client is ready.
  if (run.stopping || !client.isReady()) return "idle";
  const due = await duePosts(services, kinds, 100);
  if (due.length === 0) return "idle";
  const group = await nextGroup(services, due);
  if (group.length === 0) return "idle";
  const claimed = await claimPosts(services, group);
  if (claimed.length === 0) return "sent";
  const work = sendPost(run, claimed);
  run.sending.add(work);
  try {
    return await work;
  } finally {
    run.sending.delete(work);
  }
}

/** A lane's loop until the publisher stops: a message at a time, then a pause once caught up. */
export async function runLane(run: PublisherRun, lane: number): Promise<void> {
  const { client, services, logger } = run.deps;
  const kinds = LANES[lane] as PostKind[];
  while (!run.stopping) {
    let outcome: PassOutcome = "idle";
    if (client.isReady()) {
      try {
        outcome = await run.locks.exclusive(lane, () => passLane(run, kinds));
      } catch (error) {
        // The database failing under the publisher (a restart): it tries again after a pause.
        if (!run.stopping) logger.error({ err: error, kinds }, "the publisher could not read the outbox");
      }
    }
    if (outcome !== "idle" || run.stopping) continue;
    // Caught up: posts that failed together this round are told of together.
    if (run.failedSinceReport) {
      run.failedSinceReport = false;
      await tellModeratorsOfFailing(services, run.ctx.guildT).catch((err: unknown) =>
        logger.error({ err }, "could not tell the moderators about failing posts"),
      );
    }
    await run.wakeups.sleep(POLL_MS);
  }
}

/** One pass over every due post now (the repost job): how many were sent and refused. */
export async function drainOnce(run: PublisherRun): Promise<{ sent: number; refused: number }> {
  let sent = 0;
  let refused = 0;
  for (const [i, kinds] of LANES.entries()) {
    for (let n = 0; n < 1000; n++) {
      const outcome = await run.locks.exclusive(i, () => passLane(run, kinds));
      if (outcome === "idle") break;
      if (outcome === "sent") sent++;
      else refused++;
      // A refused post waits for its backoff: the pass goes on with the next one.
    }
  }
  if (refused > 0) {
    run.failedSinceReport = false;
    await tellModeratorsOfFailing(run.deps.services, run.ctx.guildT);
  }
  return { sent, refused };
}

import type { SubjectPostKind } from "../../services/publishing/enqueuePosts.ts";
import { pendingPostOf, postsWaiting } from "../../services/publishing/pendingPosts.ts";
import type { PostWait } from "../views/postNotes.ts";
import { DIGEST_AFTER, LANES, laneChannel } from "./lanes.ts";
import { channelLabel } from "./postChannel.ts";
import { postKey } from "./postOutcomes.ts";
import type { PublisherRun } from "./publisherRun.ts";

/**
 * Waits at most `waitMs` for the first attempt at a subject's post (queued by the change just made): posted,
 * refused (and why), or still queued behind others.
 */
export async function outcomeOf(
  run: PublisherRun,
  kind: SubjectPostKind,
  subjectId: number,
  waitMs = 2000,
): Promise<PostWait> {
  const { client, services, settings } = run.deps;
  const key = postKey(kind, subjectId);
  const waited = run.outcomes.waitFor(key, waitMs);
  run.wakeups.wake();
  const row = await pendingPostOf(services, kind, subjectId);
  if (!row) return run.outcomes.recentOf(key) ?? { state: "posted", channel: `#${laneChannel(settings, kind)}` };
  if (row.attempts > 0 && row.reason) return { state: "refused", channel: row.channel ?? "", reason: row.reason };
  const lane = LANES.find((l) => l.includes(kind)) ?? [kind];
  const queued = async (): Promise<PostWait> => ({
    state: "queued",
    channel: channelLabel(client, laneChannel(settings, kind)),
    ahead: await postsWaiting(services, lane, row.id),
  });
  // Behind a backlog the post waits for Discord's rate limit: the reply does not.
  if ((await postsWaiting(services, lane, row.id)) > DIGEST_AFTER) return queued();
  return (await waited) ?? queued();
}

import { Events } from "discord.js";
import type { SubjectPostKind } from "../../services/publishing/enqueuePosts.ts";
import { retryUnansweredPosts } from "../../services/publishing/pendingPosts.ts";
import type { PostWait } from "../views/postNotes.ts";
import { LANES } from "./lanes.ts";
import { outcomeOf } from "./outcomeOf.ts";
import { createPublisherRun, type PublisherDeps } from "./publisherRun.ts";
import { drainOnce, runLane } from "./runLane.ts";
import { waitForIdle } from "./waitForIdle.ts";

export interface Publisher {
  /**
   * Waits at most `waitMs` for the first attempt at a subject's post (queued by the change just made): posted,
   * refused (and why), or still queued behind others.
   */
  outcomeOf(kind: SubjectPostKind, subjectId: number, waitMs?: number): Promise<PostWait>;
  /** One pass over every due post now (the repost job): how many were sent and refused. */
  drainOnce(): Promise<{ sent: number; refused: number }>;
  /** Something was queued in this process: look now rather than at the next poll. */
  wake(): void;
  /**
   * Resolves once every queued post is made, except refused ones waiting for their retry (tests, benches): what a
   * person sees once the publisher has caught up.
   */
  idle(timeoutMs?: number): Promise<void>;
  /** Stops taking posts; resolves once the messages being sent are made, or at `deadline` (epoch ms). */
  stop(deadline: number): Promise<{ sending: number }>;
}

/**
 * The one publisher: drains the outbox (every public post and edit Steward makes) at Discord's pace, honouring its
 * rate limits through discord.js's queue. Nothing else waits on it: a job or a command only writes the outbox row,
 * in the transaction of its change. A backlog in a channel is coalesced into digests. A post Discord refuses stays
 * with the reason, is retried with backoff, and moderators are told once it keeps failing.
 */
export function startPublisher(deps: PublisherDeps): Publisher {
  const { client, services, logger } = deps;
  const run = createPublisherRun(deps);
  const { wake } = run.wakeups;
  let stopListening: (() => Promise<void>) | undefined;

  const lanes = LANES.map((_, i) => runLane(run, i));
  client.on(Events.ClientReady, wake);
  // Back after a gateway outage: what Discord failed to answer meanwhile goes out now, not after its backoff.
  const reconnected = () => {
    if (run.stopping) return;
    retryUnansweredPosts(services)
      .then((n) => {
        if (n > 0) logger.info({ posts: n }, "reconnected to Discord: retrying the posts it failed to answer");
        wake();
      })
      .catch((err: unknown) => logger.warn({ err }, "could not retry the posts Discord failed to answer"));
  };
  client.on(Events.ShardResume, reconnected);
  client.on(Events.ShardReady, reconnected);
  if (deps.listen) {
    deps
      .listen(wake)
      .then((stop) => {
        if (run.stopping) void stop();
        else stopListening = stop;
      })
      .catch((err: unknown) => logger.warn({ err }, "cannot listen for new posts: polling the outbox instead"));
  }

  return {
    wake,
    idle: (timeoutMs) => waitForIdle(run, timeoutMs),
    outcomeOf: (kind, subjectId, waitMs) => outcomeOf(run, kind, subjectId, waitMs),
    drainOnce: () => drainOnce(run),
    async stop(deadline) {
      run.stopping = true;
      client.off(Events.ClientReady, wake);
      client.off(Events.ShardResume, reconnected);
      client.off(Events.ShardReady, reconnected);
      wake();
      const busy = run.sending.size;
      await Promise.race([
        Promise.allSettled([...run.sending, ...lanes, stopListening?.()]),
        new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())).unref()),
      ]);
      return { sending: busy };
    },
  };
}

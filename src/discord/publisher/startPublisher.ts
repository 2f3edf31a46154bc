import { type Client, DiscordAPIError, Events } from "discord.js";
import type { Config } from "../../config.ts";
import type { PendingPost, PostKind } from "../../generated/prisma/client.ts";
import type { Logger } from "../../logger.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { enqueuePosts, type SubjectPostKind } from "../../services/publishing/enqueuePosts.ts";
import {
  claimPosts,
  claimPostsToReport,
  duePosts,
  failPosts,
  finishPosts,
  markSentWith,
  pendingPostOf,
  postsWaiting,
  releasePosts,
  retryUnansweredPosts,
} from "../../services/publishing/pendingPosts.ts";
import { awaitingFirstPost, evaluationsReady, installationKey } from "../../services/publishing/postSubjects.ts";
import { describePostFailure, PostRefused } from "../describePostFailure.ts";
import { failingPostsNote, type PostWait } from "../views/postNotes.ts";
import { type Attempt, type PostPlan, planPost, type SendContext } from "./planPost.ts";
import { channelLabel, postChannel } from "./postChannel.ts";
import { sendDigest } from "./sendDigest.ts";

/**
 * Posts go out in lanes, one message at a time per lane: a lane's posts share a channel's rate limit and its order
 * (a contribution is posted before its evaluation replies to it), and a busy lane never holds up another.
 */
const LANES: PostKind[][] = [
  ["contribution", "evaluation", "appeal"],
  ["proposal", "result", "note", "reminder", "epoch_reminder"],
  ["receipt", "safe_batch"],
  ["compute"],
  // DMs go to many channels (one per member), never hold up a public post, and keep the reminders in order.
  ["reminder_dm"],
];

/** More than this many waiting in a lane (what Discord lets through a channel in 5 s) are sent as digests… */
export const DIGEST_AFTER = 5;
/** …of at most this many each. */
export const DIGEST_SIZE = 20;
/** Without a notification, the outbox is looked at this often (posts from a process without LISTEN, retries). */
const POLL_MS = 1000;

/** Certain that no message was made: Steward did not send, or Discord refused the request itself. */
const refusedOutright = (error: unknown) =>
  error instanceof PostRefused || (error instanceof DiscordAPIError && error.status < 500);

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

export interface PublisherDeps {
  client: Client;
  services: ServiceDeps;
  config: Config;
  logger: Logger;
  /** LISTEN for new posts committed by any process (absent: polling only). */
  listen?: (onNotify: () => void) => Promise<() => Promise<void>>;
}

/**
 * The one publisher: drains the outbox (every public post and edit Steward makes) at Discord's pace, honouring its
 * rate limits through discord.js's queue. Nothing else waits on it: a job or a command only writes the outbox row,
 * in the transaction of its change. A backlog in a channel is coalesced into digests. A post Discord refuses stays
 * with the reason, is retried with backoff, and moderators are told once it keeps failing.
 */
export function startPublisher(deps: PublisherDeps): Publisher {
  const { client, services, config, logger } = deps;
  const ctx: SendContext = {
    client,
    services,
    config,
    token: { symbol: config.TOKEN_SYMBOL, decimals: config.TOKEN_DECIMALS },
  };
  let stopping = false;
  let failedSinceReport = false;
  let stopListening: (() => Promise<void>) | undefined;
  const sending = new Set<Promise<unknown>>();
  const wakers = new Set<() => void>();
  const waiters = new Map<string, Set<(wait: PostWait) => void>>();
  // Outcomes of the last posts made, for a command that asks just after its post went out.
  const recent = new Map<string, PostWait>();
  const keyOf = (kind: PostKind, subjectId: number | null) => `${kind}:${subjectId}`;

  const wake = () => {
    for (const w of [...wakers]) w();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      wakers.add(done);
    });

  function settle(rows: PendingPost[], wait: PostWait) {
    for (const row of rows) {
      if (row.subjectId === null) continue;
      const key = keyOf(row.kind, row.subjectId);
      recent.set(key, wait);
      if (recent.size > 2000) recent.delete(recent.keys().next().value as string);
      for (const resolve of waiters.get(key) ?? []) resolve(wait);
      waiters.delete(key);
    }
  }

  /**
   * The rows the lane's next message carries: the first due post that may go now, alone, or with the others of its
   * kind as a digest when more than DIGEST_AFTER wait. An evaluation may go once its contribution is announced (it
   * replies to it or links it). A post that failed once, or whose message may already exist, goes alone; nothing
   * ready: none.
   */
  async function nextGroup(due: PendingPost[]): Promise<PendingPost[]> {
    const head = due[0] as PendingPost;
    // A message started before a crash is finished as it was begun: same rows, same nonce.
    if (head.sentWith !== null) return due.filter((r) => r.sentWith === head.sentWith);
    const evaluations = due.filter((r) => r.kind === "evaluation").map((r) => r.subjectId ?? 0);
    const announced = evaluations.length > 0 ? await evaluationsReady(services, evaluations) : new Set<number>();
    const ready = due.filter((r) => r.kind !== "evaluation" || announced.has(r.subjectId ?? 0));
    const first = ready[0];
    if (!first) return [];
    if (first.sentWith !== null || first.attempts > 0) return [first];
    if (first.kind !== "evaluation" && first.kind !== "contribution") return [first];
    let candidates = ready.filter(
      (r) => r.kind === first.kind && r.guildId === first.guildId && r.sentWith === null && r.attempts === 0,
    );
    if (candidates.length <= DIGEST_AFTER) return [first];
    if (first.kind === "contribution") {
      // Only announcements go in a digest; an update of a post already made is an edit of that post.
      const fresh = await awaitingFirstPost(
        services,
        candidates.map((r) => r.subjectId ?? 0),
      );
      if (!fresh.has(first.subjectId ?? 0)) return [first];
      candidates = candidates.filter((r) => fresh.has(r.subjectId ?? 0));
      if (candidates.length <= DIGEST_AFTER) return [first];
    }
    return candidates.slice(0, DIGEST_SIZE);
  }

  /** The nonce of a message: this installation's key and the first row's id (unique to what the message carries). */
  let installKey: Promise<string> | undefined;
  async function attemptFor(rows: PendingPost[]): Promise<Attempt> {
    installKey ??= installationKey(services);
    const retried = rows.some((r) => r.sentWith !== null);
    const first = await markSentWith(services, rows);
    return { nonce: `${await installKey}-${first}`, retried };
  }

  /** Sends one message (a post or a digest) for the claimed rows and records what came of it. */
  async function send(rows: PendingPost[]): Promise<"sent" | "refused"> {
    const first = rows[0] as PendingPost;
    let plan: PostPlan | undefined;
    try {
      if (rows.length > 1) {
        const digest = await sendDigest(ctx, rows, attemptFor);
        await finishPosts(services, digest.sent);
        // Rows the message had no room for go back to the queue untouched, first in line for the next digest.
        await releasePosts(services, digest.left);
        settle(digest.sent, { state: "posted", channel: `<#${digest.channelId}>` });
        return "sent";
      }
      plan = await planPost(ctx, first, await attemptFor(rows));
      if (plan.direct) {
        await plan.direct();
        await finishPosts(services, rows);
        settle(rows, { state: "posted", channel: plan.where });
        return "sent";
      }
      const channel = postChannel(client, plan.guildId, plan.where);
      await plan.send(channel);
      await finishPosts(services, rows, first.kind === "proposal" ? config.VOTE_TALLY_DEBOUNCE : 0);
      settle(rows, { state: "posted", channel: `<#${channel.id}>` });
      return "sent";
    } catch (error) {
      if (stopping && !client.isReady()) return "refused";
      if ((error as { code?: string }).code === "P2025") {
        // Its subject is gone (a hand edit of the database): nothing left to show.
        logger.warn({ kind: first.kind, subjectId: first.subjectId }, "a queued post's subject no longer exists");
        await finishPosts(services, rows);
        settle(rows, { state: "refused", channel: laneChannel(first.kind), reason: "what it showed no longer exists" });
        return "refused";
      }
      const reason = describePostFailure(error) ?? "an error on Steward's side (the log has the details)";
      const channel = channelLabel(client, plan?.where ?? laneChannel(first.kind));
      const log = { kind: first.kind, subjectId: first.subjectId, rows: rows.length, channel, reason };
      if (describePostFailure(error) === null) logger.error({ ...log, err: error }, "post failed");
      else logger.warn(log, "post refused");
      await failPosts(services, rows, { channel, reason, nothingSent: refusedOutright(error) });
      settle(rows, { state: "refused", channel, reason });
      failedSinceReport = true;
      return "refused";
    }
  }

  const laneChannel = (kind: PostKind) =>
    ({
      contribution: config.CONTRIBUTIONS_CHANNEL,
      evaluation: config.CONTRIBUTIONS_CHANNEL,
      appeal: config.CONTRIBUTIONS_CHANNEL,
      proposal: config.GOVERNANCE_CHANNEL,
      result: config.GOVERNANCE_CHANNEL,
      note: config.GOVERNANCE_CHANNEL,
      receipt: config.PAYOUTS_CHANNEL,
      safe_batch: config.PAYOUTS_CHANNEL,
      compute: config.COMPUTE_CHANNEL,
      reminder: config.GOVERNANCE_CHANNEL,
      reminder_dm: "a direct message",
      epoch_reminder: config.GOVERNANCE_CHANNEL,
    })[kind];

  /** Posts that failed often enough: the moderators are told once, in one note per guild (itself a post). */
  async function tellModeratorsOfFailing() {
    const failing = (await claimPostsToReport(services)).filter((p) => p.kind !== "note");
    const byGuild = new Map<string, PendingPost[]>();
    for (const p of failing) byGuild.set(p.guildId, [...(byGuild.get(p.guildId) ?? []), p]);
    for (const [guildId, rows] of byGuild) {
      await enqueuePosts(services.db, services.now(), [
        { guildId, kind: "note", note: { text: failingPostsNote(rows), channel: "governance" } },
      ]);
    }
  }

  /** One message of a lane, if one is due: whether there was one. */
  async function pass(kinds: PostKind[]): Promise<"idle" | "sent" | "refused"> {
    // Stopping: nothing new is claimed (what waits stays in the outbox for the next start). Not connected yet:
    // nothing is tried (and counted as refused); it all stays due for when the client is ready.
    if (stopping || !client.isReady()) return "idle";
    const due = await duePosts(services, kinds, 100);
    if (due.length === 0) return "idle";
    const group = await nextGroup(due);
    if (group.length === 0) return "idle";
    const claimed = await claimPosts(services, group);
    if (claimed.length === 0) return "sent";
    const work = send(claimed);
    sending.add(work);
    try {
      return await work;
    } finally {
      sending.delete(work);
    }
  }

  // One message at a time per lane: the lane's loop and the repost job take turns.
  const laneLocks = LANES.map(() => Promise.resolve() as Promise<unknown>);
  function exclusive<T>(lane: number, run: () => Promise<T>): Promise<T> {
    const next = (laneLocks[lane] as Promise<unknown>).catch(() => {}).then(run);
    laneLocks[lane] = next.catch(() => {});
    return next;
  }

  async function runLane(lane: number) {
    const kinds = LANES[lane] as PostKind[];
    while (!stopping) {
      let outcome: "idle" | "sent" | "refused" = "idle";
      if (client.isReady()) {
        try {
          outcome = await exclusive(lane, () => pass(kinds));
        } catch (error) {
          // The database failing under the publisher (a restart): it tries again after a pause.
          if (!stopping) logger.error({ err: error, kinds }, "the publisher could not read the outbox");
        }
      }
      if (outcome !== "idle" || stopping) continue;
      // Caught up: posts that failed together this round are told of together.
      if (failedSinceReport) {
        failedSinceReport = false;
        await tellModeratorsOfFailing().catch((err: unknown) =>
          logger.error({ err }, "could not tell the moderators about failing posts"),
        );
      }
      await sleep(POLL_MS);
    }
  }

  const lanes = LANES.map((_, i) => runLane(i));
  client.on(Events.ClientReady, wake);
  // Back after a gateway outage: what Discord failed to answer meanwhile goes out now, not after its backoff.
  const reconnected = () => {
    if (stopping) return;
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
        if (stopping) void stop();
        else stopListening = stop;
      })
      .catch((err: unknown) => logger.warn({ err }, "cannot listen for new posts: polling the outbox instead"));
  }

  return {
    wake,
    async idle(timeoutMs = 60_000) {
      const giveUp = Date.now() + timeoutMs;
      for (;;) {
        // Fresh posts (a live tally's edit may wait a moment) and refused ones whose retry is due.
        const queued = await services.db.pendingPost.findMany({
          where: { OR: [{ attempts: 0 }, { nextAttemptAt: { lte: services.now() } }] },
          select: { kind: true, subjectId: true },
        });
        // An evaluation waiting for its refused contribution post waits with it, not for the publisher.
        const evaluations = queued.filter((q) => q.kind === "evaluation").map((q) => q.subjectId ?? 0);
        const ready = evaluations.length > 0 ? await evaluationsReady(services, evaluations) : new Set<number>();
        const waiting = queued.filter((q) => q.kind !== "evaluation" || ready.has(q.subjectId ?? 0));
        if (waiting.length === 0 && sending.size === 0) return;
        if (Date.now() > giveUp) {
          throw new Error(
            `posts still queued after ${timeoutMs} ms: ${waiting.map((w) => `${w.kind} ${w.subjectId ?? ""}`).join(", ")}`,
          );
        }
        wake();
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async outcomeOf(kind, subjectId, waitMs = 2000) {
      const key = keyOf(kind, subjectId);
      const waited = new Promise<PostWait | undefined>((resolve) => {
        const set = waiters.get(key) ?? new Set();
        set.add(resolve);
        waiters.set(key, set);
        setTimeout(() => {
          set.delete(resolve);
          resolve(undefined);
        }, waitMs).unref();
      });
      wake();
      const row = await pendingPostOf(services, kind, subjectId);
      if (!row) return recent.get(key) ?? { state: "posted", channel: `#${laneChannel(kind)}` };
      if (row.attempts > 0 && row.reason) return { state: "refused", channel: row.channel ?? "", reason: row.reason };
      const lane = LANES.find((l) => l.includes(kind)) ?? [kind];
      const queued = async (): Promise<PostWait> => ({
        state: "queued",
        channel: channelLabel(client, laneChannel(kind)),
        ahead: await postsWaiting(services, lane, row.id),
      });
      // Behind a backlog the post waits for Discord's rate limit: the reply does not.
      if ((await postsWaiting(services, lane, row.id)) > DIGEST_AFTER) return queued();
      return (await waited) ?? queued();
    },
    async drainOnce() {
      let sent = 0;
      let refused = 0;
      for (const [i, kinds] of LANES.entries()) {
        for (let n = 0; n < 1000; n++) {
          const outcome = await exclusive(i, () => pass(kinds));
          if (outcome === "idle") break;
          if (outcome === "sent") sent++;
          else refused++;
          // A refused post waits for its backoff: the pass goes on with the next one.
        }
      }
      if (refused > 0) {
        failedSinceReport = false;
        await tellModeratorsOfFailing();
      }
      return { sent, refused };
    },
    async stop(deadline) {
      stopping = true;
      client.off(Events.ClientReady, wake);
      client.off(Events.ShardResume, reconnected);
      client.off(Events.ShardReady, reconnected);
      wake();
      const busy = sending.size;
      await Promise.race([
        Promise.allSettled([...sending, ...lanes, stopListening?.()]),
        new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())).unref()),
      ]);
      return { sending: busy };
    },
  };
}

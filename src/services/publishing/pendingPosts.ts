import type { PendingPost, PostKind } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../deps.ts";
import { instanceParams, UPSERT_INSTANCE } from "../instances/processInstance.ts";

/** After this many failed attempts moderators are told (once) in the governance channel. */
export const TELL_MODERATORS_AFTER = 3;

/** A claim older than this is taken over even if its process still looks alive (a send that hung). */
const CLAIM_TIMEOUT_MS = 5 * 60_000;

/** Retry delays: 1, 2, 4 … minutes, at most an hour apart. */
const backoffMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

type Deps = Pick<ServiceDeps, "db" | "now" | "instance">;

/**
 * Due posts of these kinds nobody is sending, oldest first: the publisher looks at them to decide what goes in its
 * next message (one post, or a digest), then claims those.
 */
export function duePosts(deps: Deps, kinds: PostKind[], limit: number): Promise<PendingPost[]> {
  const now = deps.now();
  return deps.db.pendingPost.findMany({
    where: {
      kind: { in: kinds },
      nextAttemptAt: { lte: now },
      OR: [{ claimedBy: null }, { claimedAt: { lt: new Date(now.getTime() - CLAIM_TIMEOUT_MS) } }],
    },
    orderBy: { id: "asc" },
    take: limit,
  });
}

/** Claims posts for this process; those another process took first are left out. */
export async function claimPosts(deps: Deps, rows: PendingPost[]): Promise<PendingPost[]> {
  if (rows.length === 0) return [];
  const now = deps.now();
  await deps.db.$executeRawUnsafe(UPSERT_INSTANCE, ...instanceParams(deps.instance));
  const claimed = await deps.db.pendingPost.updateManyAndReturn({
    where: {
      id: { in: rows.map((r) => r.id) },
      OR: [{ claimedBy: null }, { claimedAt: { lt: new Date(now.getTime() - CLAIM_TIMEOUT_MS) } }],
    },
    data: { claimedBy: deps.instance.id, claimedAt: now, urgent: false },
  });
  return claimed.sort((a, b) => a.id - b.id);
}

/**
 * The rows go out in one message whose nonce is the first row's id (a single post's own): marked before the send,
 * so a repeat after a crash is the same message, and a row whose message may exist never joins another one.
 */
export async function markSentWith(deps: Deps, rows: PendingPost[]): Promise<number> {
  const first = Math.min(...rows.map((r) => r.sentWith ?? r.id));
  await deps.db.pendingPost.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { sentWith: first } });
  return first;
}

/**
 * The posts are made. A row whose subject changed while it was being sent (its version moved on) stays, for
 * another pass with the newest state: at once when a change wanted it so, else `againAfterMs` from now (live
 * tallies wait a little to merge votes).
 */
export async function finishPosts(deps: Deps, rows: PendingPost[], againAfterMs = 0): Promise<void> {
  const now = deps.now();
  for (const row of rows) {
    const done = await deps.db.pendingPost.deleteMany({ where: { id: row.id, version: row.version } });
    if (done.count === 1) continue;
    await deps.db.$executeRawUnsafe(
      `UPDATE "PendingPost" SET "claimedBy" = NULL, "claimedAt" = NULL, "sentWith" = NULL, "attempts" = 0,
         "reason" = NULL, "moderatorsToldAt" = NULL, "urgent" = false,
         "nextAttemptAt" = CASE WHEN "urgent" THEN $2::timestamptz AT TIME ZONE 'UTC'
           ELSE $3::timestamptz AT TIME ZONE 'UTC' END
       WHERE "id" = $1`,
      row.id,
      now.toISOString(),
      new Date(now.getTime() + againAfterMs).toISOString(),
    );
  }
}

/**
 * Discord refused the posts (or they could not be made): kept with the reason and retried with backoff. When the
 * refusal is certain (`nothingSent`: no message exists) each row keeps its own backoff and may go out differently
 * next time, and a row whose subject changed while it was being sent is tried again at once (the newest state may
 * need no post at all: an appeal decided before its post was ever made); otherwise the rows keep their nonce and
 * wait together, in case the message was made after all.
 */
export async function failPosts(
  deps: Deps,
  rows: PendingPost[],
  failure: { channel: string; reason: string; nothingSent: boolean },
) {
  const now = deps.now();
  const together = backoffMs(Math.max(...rows.map((r) => r.attempts + 1)));
  for (const row of rows) {
    const wait = failure.nothingSent ? backoffMs(row.attempts + 1) : together;
    const data = {
      channel: failure.channel,
      reason: failure.reason,
      attempts: row.attempts + 1,
      claimedBy: null,
      claimedAt: null,
      nextAttemptAt: new Date(now.getTime() + wait),
      ...(failure.nothingSent ? { sentWith: null } : {}),
    };
    if (!failure.nothingSent) {
      await deps.db.pendingPost.updateMany({ where: { id: row.id }, data });
      continue;
    }
    const unchanged = await deps.db.pendingPost.updateMany({ where: { id: row.id, version: row.version }, data });
    if (unchanged.count === 0) {
      await deps.db.pendingPost.updateMany({ where: { id: row.id }, data: { ...data, nextAttemptAt: now } });
    }
  }
}

/**
 * Discord is back (the gateway resumed or reconnected): posts whose last attempt Discord failed to answer (a 5xx,
 * a timeout; their nonce is kept) are due now rather than at the end of a backoff that grew during the outage.
 * Refusals (a permission, a missing channel) keep their backoff.
 */
export async function retryUnansweredPosts(deps: Pick<ServiceDeps, "db" | "now">): Promise<number> {
  const now = deps.now();
  const { count } = await deps.db.pendingPost.updateMany({
    where: { attempts: { gt: 0 }, sentWith: { not: null }, claimedBy: null, nextAttemptAt: { gt: now } },
    data: { nextAttemptAt: now },
  });
  return count;
}

/** Gives claimed posts back untried (no room in a digest, or the process is stopping): taken again at once. */
export async function releasePosts(deps: Deps, rows: PendingPost[]): Promise<void> {
  if (rows.length === 0) return;
  await deps.db.pendingPost.updateMany({
    where: { id: { in: rows.map((r) => r.id) }, claimedBy: deps.instance.id },
    data: { claimedBy: null, claimedAt: null, sentWith: null },
  });
}

/** Everything that waits in a guild: what is queued and what Discord refused. */
export function pendingPosts(deps: Pick<ServiceDeps, "db">, guildId: string) {
  return deps.db.pendingPost.findMany({ where: { guildId }, orderBy: { id: "asc" } });
}

/** How many posts of these kinds go out before a new one (a backlog at Discord's pace; refused ones wait apart). */
export function postsWaiting(
  deps: Pick<ServiceDeps, "db" | "now">,
  kinds: PostKind[],
  beforeId: number,
): Promise<number> {
  return deps.db.pendingPost.count({
    where: { kind: { in: kinds }, id: { lt: beforeId }, nextAttemptAt: { lte: deps.now() } },
  });
}

/** The outbox row of a subject's post, if it still waits. */
export function pendingPostOf(deps: Pick<ServiceDeps, "db">, kind: PostKind, subjectId: number) {
  return deps.db.pendingPost.findUnique({ where: { kind_subjectId: { kind, subjectId } } });
}

/** Posts that keep failing and moderators were not told of yet; marks them told (the caller tells them). */
export async function claimPostsToReport(deps: Pick<ServiceDeps, "db" | "now">) {
  // One statement claims the rows: two publishers at once (two processes) never both tell of the same post.
  const rows = await deps.db.pendingPost.updateManyAndReturn({
    where: { attempts: { gte: TELL_MODERATORS_AFTER }, moderatorsToldAt: null },
    data: { moderatorsToldAt: deps.now() },
  });
  return rows.sort((a, b) => a.id - b.id);
}

import type { PendingPost, PostKind } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../deps.ts";
import { instanceParams, UPSERT_INSTANCE } from "../instances/processInstance.ts";

/** What a post attempt came to: where it went, or where it should have gone and why it could not. */
export type PostOutcome = { posted: true; channelId: string } | { posted: false; channel: string; reason: string };

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
    data: { claimedBy: deps.instance.id, claimedAt: now },
  });
  return claimed.sort((a, b) => a.id - b.id);
}

/** The rows will go out in one message whose nonce is the first row's id: a repeat after a crash is the same message. */
export async function markSentWith(deps: Deps, rows: PendingPost[]): Promise<number> {
  const first = Math.min(...rows.map((r) => r.sentWith ?? r.id));
  await deps.db.pendingPost.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { sentWith: first } });
  return first;
}

/**
 * The posts are made. A row whose subject changed while it was being sent (its version moved on) stays, for
 * another pass with the newest state, `againAfterMs` from now (live tallies wait a little to merge changes).
 */
export async function finishPosts(deps: Deps, rows: PendingPost[], againAfterMs = 0): Promise<void> {
  for (const row of rows) {
    const done = await deps.db.pendingPost.deleteMany({ where: { id: row.id, version: row.version } });
    if (done.count === 1) continue;
    await deps.db.pendingPost.updateMany({
      where: { id: row.id },
      data: {
        claimedBy: null,
        claimedAt: null,
        sentWith: null,
        attempts: 0,
        reason: null,
        moderatorsToldAt: null,
        nextAttemptAt: new Date(deps.now().getTime() + againAfterMs),
      },
    });
  }
}

/**
 * Discord refused the posts (or they could not be made): kept with the reason, retried with backoff, together (a
 * digest's rows stay one message). `nothingSent`: the refusal is certain (no message exists), so the rows may go
 * out differently next time; otherwise they keep their nonce, in case the message was made after all.
 */
export async function failPosts(
  deps: Deps,
  rows: PendingPost[],
  failure: { channel: string; reason: string; nothingSent: boolean },
) {
  const now = deps.now();
  const nextAttemptAt = new Date(now.getTime() + backoffMs(Math.max(...rows.map((r) => r.attempts + 1))));
  for (const row of rows) {
    await deps.db.pendingPost.updateMany({
      where: { id: row.id },
      data: {
        channel: failure.channel,
        reason: failure.reason,
        attempts: row.attempts + 1,
        claimedBy: null,
        claimedAt: null,
        nextAttemptAt,
        ...(failure.nothingSent ? { sentWith: null } : {}),
      },
    });
  }
}

/** Gives claimed posts back untried (the process is stopping): the next publisher takes them at once. */
export async function releasePosts(deps: Deps, rows: PendingPost[]): Promise<void> {
  if (rows.length === 0) return;
  await deps.db.pendingPost.updateMany({
    where: { id: { in: rows.map((r) => r.id) }, claimedBy: deps.instance.id },
    data: { claimedBy: null, claimedAt: null },
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

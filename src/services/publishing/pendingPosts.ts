import type { PostKind } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../deps.ts";

/** What a post attempt came to: where it went, or where it should have gone and why it could not. */
export type PostOutcome = { posted: true; channelId: string } | { posted: false; channel: string; reason: string };

/** After this many failed attempts moderators are told (once) in the governance channel. */
export const TELL_MODERATORS_AFTER = 3;

/** Retry delays: 1, 2, 4 … minutes, at most an hour apart. */
const backoffMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

/** A post Discord refused: kept to be retried by the repost job, with the reason in words. */
export async function recordPostFailure(
  deps: ServiceDeps,
  post: { guildId: string; kind: PostKind; subjectId: number; channel: string; reason: string },
): Promise<void> {
  const now = deps.now();
  const existing = await deps.db.pendingPost.findUnique({
    where: { kind_subjectId: { kind: post.kind, subjectId: post.subjectId } },
  });
  const attempts = (existing?.attempts ?? 0) + 1;
  await deps.db.pendingPost.upsert({
    where: { kind_subjectId: { kind: post.kind, subjectId: post.subjectId } },
    create: { ...post, attempts: 1, createdAt: now, nextAttemptAt: new Date(now.getTime() + backoffMs(1)) },
    update: {
      channel: post.channel,
      reason: post.reason,
      attempts,
      nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
    },
  });
}

/** The post is made: nothing waits any more. */
export async function clearPendingPost(deps: ServiceDeps, kind: PostKind, subjectId: number): Promise<void> {
  await deps.db.pendingPost.deleteMany({ where: { kind, subjectId } });
}

export function duePendingPosts(deps: ServiceDeps) {
  return deps.db.pendingPost.findMany({ where: { nextAttemptAt: { lte: deps.now() } }, orderBy: { id: "asc" } });
}

export function pendingPosts(deps: ServiceDeps, guildId: string) {
  return deps.db.pendingPost.findMany({ where: { guildId }, orderBy: { id: "asc" } });
}

/** Posts that keep failing and moderators were not told of yet; marks them told (the caller tells them). */
export async function claimPostsToReport(deps: ServiceDeps) {
  // One statement claims the rows: two repost runs at once (two processes) never both tell of the same post.
  const rows = await deps.db.pendingPost.updateManyAndReturn({
    where: { attempts: { gte: TELL_MODERATORS_AFTER }, moderatorsToldAt: null },
    data: { moderatorsToldAt: deps.now() },
  });
  return rows.sort((a, b) => a.id - b.id);
}

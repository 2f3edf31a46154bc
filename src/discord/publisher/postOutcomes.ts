import type { PendingPost, PostKind } from "../../generated/prisma/client.ts";
import type { PostWait } from "../views/postNotes.ts";

export const postKey = (kind: PostKind, subjectId: number | null) => `${kind}:${subjectId}`;

/** What came of each subject's post: told to those waiting for it, and kept a while for those who ask just after. */
export class PostOutcomes {
  private readonly waiters = new Map<string, Set<(wait: PostWait) => void>>();
  // Outcomes of the last posts made, for a command that asks just after its post went out.
  private readonly recent = new Map<string, PostWait>();

  settle(rows: PendingPost[], wait: PostWait): void {
    for (const row of rows) {
      if (row.subjectId === null) continue;
      const key = postKey(row.kind, row.subjectId);
      this.recent.set(key, wait);
      if (this.recent.size > 2000) this.recent.delete(this.recent.keys().next().value as string);
      for (const resolve of this.waiters.get(key) ?? []) resolve(wait);
      this.waiters.delete(key);
    }
  }

  recentOf(key: string): PostWait | undefined {
    return this.recent.get(key);
  }

  /** The next outcome of `key`'s post, or undefined after `waitMs`. */
  waitFor(key: string, waitMs: number): Promise<PostWait | undefined> {
    return new Promise<PostWait | undefined>((resolve) => {
      const set = this.waiters.get(key) ?? new Set();
      set.add(resolve);
      this.waiters.set(key, set);
      setTimeout(() => {
        set.delete(resolve);
        resolve(undefined);
      }, waitMs).unref();
    });
  }
}

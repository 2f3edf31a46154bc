import type { Db } from "../../src/db/openDatabase.ts";
import type { PostKind } from "../../src/generated/prisma/client.ts";
import type { ModeratorNote } from "../../src/services/publishing/enqueuePosts.ts";

/** The notes to moderators waiting in the outbox, oldest first, as stored (facts; the view words them). */
export async function queuedNotes(db: Db): Promise<ModeratorNote[]> {
  const rows = await db.pendingPost.findMany({ where: { kind: "note" }, orderBy: { id: "asc" } });
  return rows.map((r) => r.payload as unknown as ModeratorNote);
}

/** The subjects of one kind of post waiting in the outbox, oldest first. */
export async function queuedSubjects(db: Db, kind: PostKind): Promise<number[]> {
  const rows = await db.pendingPost.findMany({ where: { kind }, orderBy: { id: "asc" } });
  return rows.map((r) => r.subjectId ?? 0);
}

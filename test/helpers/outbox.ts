import type { Db } from "../../src/db/openDatabase.ts";
import type { PostKind } from "../../src/generated/prisma/client.ts";

/** The notes to moderators waiting in the outbox, oldest first (what the publisher will post). */
export async function queuedNotes(db: Db): Promise<string[]> {
  const rows = await db.pendingPost.findMany({ where: { kind: "note" }, orderBy: { id: "asc" } });
  return rows.map((r) => (r.payload as { text: string }).text);
}

/** The subjects of one kind of post waiting in the outbox, oldest first. */
export async function queuedSubjects(db: Db, kind: PostKind): Promise<number[]> {
  const rows = await db.pendingPost.findMany({ where: { kind }, orderBy: { id: "asc" } });
  return rows.map((r) => r.subjectId ?? 0);
}

import type { Db } from "../../db/openDatabase.ts";
import { auditHash, GENESIS_HASH } from "./appendAuditEvent.ts";

export interface AuditChainReport {
  events: number;
  intact: boolean;
  firstBrokenId?: string;
  problem?: string;
}

/** Recomputes every event's hash and link, oldest first. */
export async function verifyAuditChain(db: Db, batchSize = 500): Promise<AuditChainReport> {
  let prev = GENESIS_HASH;
  let count = 0;
  let cursor: bigint | undefined;
  for (;;) {
    const batch = await db.auditEvent.findMany({
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor === undefined ? {} : { where: { id: { gt: cursor } } }),
    });
    for (const e of batch) {
      count++;
      if (e.prevHash !== prev) {
        return { events: count, intact: false, firstBrokenId: e.id.toString(), problem: "link to previous event" };
      }
      const expected = auditHash(e.prevHash, {
        guildId: e.guildId,
        actorId: e.actorId,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        payload: e.payload as Record<string, unknown>,
        createdAt: e.createdAt,
      });
      if (expected !== e.hash) {
        return { events: count, intact: false, firstBrokenId: e.id.toString(), problem: "content hash" };
      }
      prev = e.hash;
    }
    if (batch.length < batchSize) return { events: count, intact: true };
    cursor = batch.at(-1)?.id;
  }
}

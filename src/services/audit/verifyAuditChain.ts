import type { Db } from "../../db/openDatabase.ts";
import { auditHash, GENESIS_HASH } from "./appendAuditEvent.ts";

export interface AuditChainReport {
  events: number;
  intact: boolean;
  /** The last event's id and hash (the chain's head), when intact. */
  head?: { id: string; hash: string };
  firstBrokenId?: string;
  problem?: string;
  /** The broken event's action, and what a person should know (which hash differs from which). */
  action?: string;
  explanation?: string;
}

/** Recomputes every event's hash and link, oldest first. */
export async function verifyAuditChain(db: Db, batchSize = 500): Promise<AuditChainReport> {
  let prev = GENESIS_HASH;
  let count = 0;
  let cursor: bigint | undefined;
  let head: { id: string; hash: string } | undefined;
  for (;;) {
    const batch = await db.auditEvent.findMany({
      orderBy: { id: "asc" },
      take: batchSize,
      // Stryker disable next-line ConditionalExpression: `id > undefined` is no filter to Prisma, the same as none
      ...(cursor === undefined ? {} : { where: { id: { gt: cursor } } }),
    });
    for (const e of batch) {
      count++;
      if (e.prevHash !== prev) {
        return {
          events: count,
          intact: false,
          firstBrokenId: e.id.toString(),
          problem: "link to previous event",
          action: e.action,
          explanation: `audit event #${e.id} (${e.action}) links to ${short(e.prevHash)}, but the event before it hashes to ${short(prev)}: an event was removed, inserted or changed before it`,
        };
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
        return {
          events: count,
          intact: false,
          firstBrokenId: e.id.toString(),
          problem: "content hash",
          action: e.action,
          explanation: `audit event #${e.id} (${e.action} of ${e.subjectType} ${e.subjectId}) was changed after it was written: its content hashes to ${short(expected)}, not to its stored hash ${short(e.hash)}`,
        };
      }
      prev = e.hash;
      head = { id: e.id.toString(), hash: e.hash };
    }
    if (batch.length < batchSize) return { events: count, intact: true, ...(head ? { head } : {}) };
    // Stryker disable next-line OptionalChaining: a full batch has a last event
    cursor = batch.at(-1)?.id;
  }
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

import type { AuditMismatch } from "../../base/auditFindings.ts";
import type { Db } from "../../db/openDatabase.ts";
import { auditHash, GENESIS_HASH } from "./appendAuditEvent.ts";

export interface AuditChainReport {
  events: number;
  intact: boolean;
  /** The last event's id and hash (the chain's head), when intact. */
  head?: { id: string; hash: string };
  firstBrokenId?: string;
  /** The first broken event, and which hash differs from which. */
  broken?: Extract<AuditMismatch, { kind: "event_link" | "event_changed" }>;
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
          broken: {
            kind: "event_link",
            eventId: e.id.toString(),
            action: e.action,
            linksTo: e.prevHash,
            previousHash: prev,
          },
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
          broken: {
            kind: "event_changed",
            eventId: e.id.toString(),
            action: e.action,
            subjectType: e.subjectType,
            subjectId: e.subjectId,
            computed: expected,
            stored: e.hash,
          },
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

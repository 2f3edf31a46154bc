import { createHash } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.ts";
import { canonicalJson } from "./canonicalJson.ts";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditInput {
  guildId: string;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export function auditHash(prevHash: string, event: AuditInput): string {
  const body = canonicalJson({ ...event, payload: JSON.parse(canonicalJson(event.payload)) });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

/** Transaction-scoped advisory lock key ("StewAudt"): writers of the chain queue on it, released at commit. */
const AUDIT_CHAIN_LOCK = 0x5374657741756474n;

/**
 * Appends one event to the hash chain. Call it inside the transaction that makes the change it records, as its
 * last step: concurrent writers queue on an advisory lock held until commit, instead of reading the same head and
 * colliding (under a burst of votes, collisions and whole-transaction retries grew quadratically). The unique
 * prevHash still makes a fork impossible; runAudited retries if one is ever attempted.
 */
export async function appendAuditEvent(tx: Prisma.TransactionClient, event: AuditInput): Promise<void> {
  await appendAuditEvents(tx, [event]);
}

/** Appends events in order with one lock, one head read and one insert (one event, or a batch of votes). */
export async function appendAuditEvents(tx: Prisma.TransactionClient, events: AuditInput[]) {
  // Stryker disable next-line ConditionalExpression: with no events the rest inserts nothing; returning early only saves the lock
  if (events.length === 0) return;
  // Stryker disable next-line StringLiteral: without the lock, concurrent appends still cannot fork (unique prevHash, retried by runAudited); it only spares the retries
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})) AS l`;
  const head = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  let prevHash = head?.hash ?? GENESIS_HASH;
  const rows = events.map((event) => {
    const hash = auditHash(prevHash, event);
    const row = {
      ...event,
      payload: JSON.parse(canonicalJson(event.payload)) as Prisma.InputJsonValue,
      prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  // createMany inserts in array order, so ids follow the chain.
  await tx.auditEvent.createMany({ data: rows });
}

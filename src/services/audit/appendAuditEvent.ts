import { createHash } from "node:crypto";
import type { SqlConnection } from "../../db/sqlDriver.ts";
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
  // createMany inserts in array order, so ids follow the chain.
  await tx.auditEvent.createMany({ data: chainEvents(head?.hash ?? GENESIS_HASH, events) });
}

/** The events as chained rows after `prevHash`: each row's hash is the next one's prevHash. */
export function chainEvents(prevHash: string, events: AuditInput[]) {
  let prev = prevHash;
  return events.map((event) => {
    const hash = auditHash(prev, event);
    const row = {
      ...event,
      payload: JSON.parse(canonicalJson(event.payload)) as Prisma.InputJsonValue,
      prevHash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
}

/**
 * The same append over a plain SQL connection inside its own transaction (the vote path's group commit, where
 * the ORM's per-query cost was most of a vote's latency). Same lock, same head read, same rows.
 */
export async function appendAuditEventsSql(conn: SqlConnection, events: AuditInput[]) {
  if (events.length === 0) return;
  await conn.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_CHAIN_LOCK.toString()]);
  const [head] = await conn.query<{ hash: string }>(`SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1`);
  const rows = chainEvents(head?.hash ?? GENESIS_HASH, events);
  // unnest keeps the array order, so ids follow the chain as with createMany.
  await conn.query(
    `INSERT INTO "AuditEvent" ("guildId", "actorId", "action", "subjectType", "subjectId", "payload", "createdAt", "prevHash", "hash")
     SELECT g, a, ac, st, si, p::jsonb, c::timestamptz AT TIME ZONE 'UTC', ph, h
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
       WITH ORDINALITY AS t(g, a, ac, st, si, p, c, ph, h, n)
     ORDER BY n`,
    [
      rows.map((r) => r.guildId),
      rows.map((r) => r.actorId),
      rows.map((r) => r.action),
      rows.map((r) => r.subjectType),
      rows.map((r) => r.subjectId),
      rows.map((r) => JSON.stringify(r.payload)),
      rows.map((r) => r.createdAt.toISOString()),
      rows.map((r) => r.prevHash),
      rows.map((r) => r.hash),
    ],
  );
}

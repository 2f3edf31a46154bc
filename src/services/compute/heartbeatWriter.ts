import type { SqlConnection, SqlDriver } from "../../db/sqlDriver.ts";
import { inTransaction } from "../../db/sqlDriver.ts";
import { createGroupCommit, enqueue, type GroupCommit } from "../groupCommit.ts";
import type { DeclaredSpecs } from "./declaredSpecs.ts";

/** A verified heartbeat waiting for the batch that stores it. */
export interface VerifiedBeat {
  nodeId: number;
  sequence: bigint;
  utilization: number;
  specsJson: string;
  specsHash: string;
  shortfall: string | null;
}

export type BeatOutcome =
  | { stored: true; cameOnline: boolean; newShortfall: string | null }
  | { stored: false; reason: "stale"; lastSequence: string }
  | { stored: false; reason: "retired" };

/**
 * Stores verified heartbeats by group commit, as votes are: heartbeats arriving while a batch is being written wait
 * for the next one, and each batch is one transaction of three statements however many nodes it carries (the node
 * rows updated under a row lock, only where the sequence is higher and the node not retired; the continuing uptime
 * spans extended; new spans started after a gap). A heartbeat is answered only once its batch has committed, so an
 * accepted heartbeat is never lost, and the sequence check in the update makes a replay count at most once.
 */
export interface HeartbeatWriter {
  sql: SqlDriver;
  queue: GroupCommit<VerifiedBeat, BeatOutcome>;
  /** What never changes about a node (its guild, key and declared specs), read once; `retired` is final too. */
  nodes: Map<number, CachedNode>;
}

export interface CachedNode {
  guildId: string;
  publicKey: string;
  publicKeyLower: string;
  declared: DeclaredSpecs;
  /** The specs last reported, their hash and how they fall short of the declared ones. */
  lastSpecs?: { json: string; hash: string; shortfall: string | null };
  retired: boolean;
  /** The node's capacity challenges as this process knows them (read from the database on first use). */
  challenge?: {
    nextDueAtMs: number;
    open: { id: number; seed: string; lanes: number; laneKib: number; deadlineAtMs: number } | null;
  };
}

const MAX_BATCH = 500;

export function createHeartbeatWriter(sql: SqlDriver): HeartbeatWriter {
  return { sql, queue: createGroupCommit(MAX_BATCH), nodes: new Map() };
}

export function storeHeartbeat(
  writer: HeartbeatWriter,
  beat: VerifiedBeat,
  now: () => Date,
  downAfterMs: number,
): Promise<BeatOutcome> {
  return enqueue(writer.queue, beat, async (beats) => {
    const outcomes = await writer.sql.withConnection((conn) =>
      inTransaction(conn, () => writeBatch(conn, beats, now(), downAfterMs)),
    );
    return outcomes.map((value) => ({ status: "fulfilled", value }));
  });
}

async function writeBatch(
  conn: SqlConnection,
  beats: VerifiedBeat[],
  now: Date,
  downAfterMs: number,
): Promise<BeatOutcome[]> {
  // One heartbeat per node per batch: the highest sequence; the others would be refused after it anyway.
  const best = new Map<number, number>();
  beats.forEach((b, i) => {
    const j = best.get(b.nodeId);
    if (j === undefined || (beats[j] as VerifiedBeat).sequence < b.sequence) best.set(b.nodeId, i);
  });
  const chosen = [...best.values()].map((i) => beats[i] as VerifiedBeat);
  const at = now.toISOString();
  const rows = await conn.query<{
    id: number;
    prevAtMs: number | null;
    prevStatus: string;
    prevShortfall: string | null;
    spanId: string | null;
  }>(
    `WITH b AS (
       SELECT * FROM unnest($1::int[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[])
         AS t(id, seq, util, specs, hash, shortfall)
     ), o AS (
       SELECT n."id", n."lastHeartbeatAt", n."status", n."shortfall", n."currentSpanId"
       FROM "ComputeNode" n JOIN b ON b.id = n."id" ORDER BY n."id" FOR UPDATE OF n
     )
     UPDATE "ComputeNode" n SET
       "lastSequence" = b.seq, "lastHeartbeatAt" = $7::timestamptz AT TIME ZONE 'UTC', "heartbeats" = n."heartbeats" + 1,
       "utilization" = b.util, "status" = 'online',
       "statusChangedAt" = CASE WHEN o."status" = 'online' THEN n."statusChangedAt" ELSE $7::timestamptz AT TIME ZONE 'UTC' END,
       "reportedSpecs" = CASE WHEN n."specsHash" IS DISTINCT FROM b.hash THEN b.specs::jsonb ELSE n."reportedSpecs" END,
       "specsHash" = b.hash, "shortfall" = b.shortfall,
       "shortfallSeenAt" = CASE WHEN o."shortfall" IS NOT DISTINCT FROM b.shortfall THEN n."shortfallSeenAt" ELSE NULL END
     FROM b JOIN o ON o."id" = b.id
     WHERE n."id" = b.id AND n."lastSequence" < b.seq AND n."status" <> 'retired'
     RETURNING n."id", (EXTRACT(EPOCH FROM o."lastHeartbeatAt") * 1000)::float8 AS "prevAtMs", o."status"::text AS "prevStatus",
       o."shortfall" AS "prevShortfall", o."currentSpanId"::text AS "spanId"`,
    [
      chosen.map((b) => b.nodeId),
      chosen.map((b) => b.sequence.toString()),
      chosen.map((b) => b.utilization),
      chosen.map((b) => b.specsJson),
      chosen.map((b) => b.specsHash),
      chosen.map((b) => b.shortfall),
      at,
    ],
  );
  const stored = new Map(rows.map((r) => [r.id, r]));
  // Within two intervals of the last heartbeat the node's current span goes on; after a gap a new one starts.
  const continuing = rows.filter(
    (r) => r.spanId !== null && r.prevAtMs !== null && now.getTime() - r.prevAtMs <= downAfterMs,
  );
  if (continuing.length > 0) {
    await conn.query(
      `UPDATE "NodeUptimeSpan" SET "endsAt" = $1::timestamptz AT TIME ZONE 'UTC' WHERE "id" = ANY($2::bigint[])`,
      [at, continuing.map((r) => r.spanId)],
    );
  }
  const starting = rows.filter((r) => !continuing.includes(r)).map((r) => r.id);
  if (starting.length > 0) {
    await conn.query(
      `WITH s AS (
         INSERT INTO "NodeUptimeSpan" ("nodeId", "startsAt", "endsAt")
         SELECT id, $2::timestamptz AT TIME ZONE 'UTC', $2::timestamptz AT TIME ZONE 'UTC' FROM unnest($1::int[]) AS t(id)
         RETURNING "id", "nodeId"
       )
       UPDATE "ComputeNode" n SET "currentSpanId" = s."id" FROM s WHERE n."id" = s."nodeId"`,
      [starting, at],
    );
  }
  const missing = chosen.filter((b) => !stored.has(b.nodeId)).map((b) => b.nodeId);
  const current = new Map(
    missing.length === 0
      ? []
      : (
          await conn.query<{ id: number; status: string; lastSequence: string }>(
            `SELECT "id", "status"::text AS "status", "lastSequence"::text AS "lastSequence" FROM "ComputeNode" WHERE "id" = ANY($1::int[])`,
            [missing],
          )
        ).map((r) => [r.id, r]),
  );
  return beats.map((b, i): BeatOutcome => {
    const row = stored.get(b.nodeId);
    if (row && best.get(b.nodeId) === i) {
      return {
        stored: true,
        cameOnline: row.prevStatus !== "online",
        newShortfall: b.shortfall !== null && b.shortfall !== row.prevShortfall ? b.shortfall : null,
      };
    }
    const latest = current.get(b.nodeId);
    if (latest?.status === "retired") return { stored: false, reason: "retired" };
    const highest = (beats[best.get(b.nodeId) as number] as VerifiedBeat).sequence;
    return { stored: false, reason: "stale", lastSequence: row ? highest.toString() : (latest?.lastSequence ?? "0") };
  });
}

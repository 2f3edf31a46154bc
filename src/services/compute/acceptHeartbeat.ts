import type { ServiceDeps } from "../deps.ts";
import { downAfterMs } from "./computeDeps.ts";
import { declaredOf } from "./declaredSpecs.ts";
import { heartbeatDigest, heartbeatDomain, specsHash } from "./heartbeatTypedData.ts";
import { recoverSigner } from "./recoverSigner.ts";
import { type ReportedSpecs, specsShortfall } from "./reportedSpecs.ts";

export interface HeartbeatBody {
  timestamp: number;
  sequence: number;
  utilization: number;
  specs: ReportedSpecs;
  signature: string;
}

/** A heartbeat refused: the HTTP status, a stable code and a sentence for the operator. Nothing was stored. */
export class HeartbeatRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 410,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface HeartbeatAccepted {
  nodeId: number;
  guildId: string;
  sequence: number;
  /** The node was pending or offline and is online again with this heartbeat. */
  cameOnline: boolean;
  /** The reported specs fall short in a new way (null: no new shortfall). */
  newShortfall: string | null;
}

/**
 * Verifies one signed heartbeat and records it: the signature by the node's registered key over the guild's
 * EIP-712 domain, the node's clock within MAX_CLOCK_SKEW of Steward's, a sequence above the last accepted one, the
 * node not retired. Accepted: the node is online, its uptime span is extended (or a new one starts after a gap
 * longer than two intervals), and its reported specs are compared with the declared ones. Uptime runs on
 * Steward's clock, so a node cannot stretch it by its timestamps.
 */
export async function acceptHeartbeat(deps: ServiceDeps, nodeId: number, body: HeartbeatBody) {
  const node = await deps.db.computeNode.findUnique({ where: { id: nodeId } });
  if (!node) throw new HeartbeatRefusal(404, "unknown_node", `There is no node #${nodeId}.`);
  if (node.status === "retired") {
    throw new HeartbeatRefusal(410, "node_retired", `Node #${nodeId} is retired: it no longer sends heartbeats.`);
  }
  const hash = specsHash(body.specs);
  const digest = heartbeatDigest(heartbeatDomain(node.guildId), {
    node: nodeId,
    timestamp: body.timestamp,
    sequence: body.sequence,
    specs: hash,
    utilization: body.utilization,
  });
  const signer = recoverSigner(digest, body.signature);
  if (signer === null) {
    throw new HeartbeatRefusal(401, "bad_signature", "The signature is not a valid secp256k1 signature.");
  }
  if (signer !== node.publicKey) {
    throw new HeartbeatRefusal(
      401,
      "wrong_key",
      `The heartbeat was signed by ${signer}, not by node #${nodeId}'s registered key ${node.publicKey} (or for another server or node).`,
    );
  }
  const now = deps.now();
  const skew = body.timestamp * 1000 - now.getTime();
  if (Math.abs(skew) > deps.compute.maxClockSkewMs) {
    throw new HeartbeatRefusal(
      400,
      "clock_skew",
      `The heartbeat's timestamp is ${Math.round(Math.abs(skew) / 1000)} s ${skew < 0 ? "behind" : "ahead of"} Steward's clock; at most ${deps.compute.maxClockSkewMs / 1000} s is allowed. Check the node's clock (NTP).`,
    );
  }
  const shortfall = hash === node.specsHash ? node.shortfall : specsShortfall(declaredOf(node), body.specs);
  const sequence = BigInt(body.sequence);
  return deps.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ prevAt: Date | null; prevStatus: string; prevShortfall: string | null }[]>`
      UPDATE "ComputeNode" AS n SET
        "lastSequence" = ${sequence}, "lastHeartbeatAt" = ${now}, "heartbeats" = n."heartbeats" + 1,
        "utilization" = ${body.utilization}, "status" = 'online',
        "statusChangedAt" = CASE WHEN o."status" = 'online' THEN n."statusChangedAt" ELSE ${now} END,
        "reportedSpecs" = ${JSON.stringify(body.specs)}::jsonb, "specsHash" = ${hash}, "shortfall" = ${shortfall},
        "shortfallSeenAt" = CASE WHEN o."shortfall" IS NOT DISTINCT FROM ${shortfall} THEN n."shortfallSeenAt" ELSE NULL END
      FROM (SELECT "id", "lastHeartbeatAt", "status", "shortfall" FROM "ComputeNode" WHERE "id" = ${nodeId} FOR UPDATE) AS o
      WHERE n."id" = o."id" AND n."lastSequence" < ${sequence} AND n."status" <> 'retired'
      RETURNING o."lastHeartbeatAt" AS "prevAt", o."status"::text AS "prevStatus", o."shortfall" AS "prevShortfall"`;
    const prev = rows[0];
    if (!prev) {
      const current = await tx.computeNode.findUniqueOrThrow({ where: { id: nodeId } });
      if (current.status === "retired") {
        throw new HeartbeatRefusal(410, "node_retired", `Node #${nodeId} is retired: it no longer sends heartbeats.`);
      }
      throw new HeartbeatRefusal(
        409,
        "stale_sequence",
        `Sequence ${body.sequence} is not above the last accepted one (${current.lastSequence}): a replayed heartbeat, or an agent whose counter went back.`,
      );
    }
    const continues = prev.prevAt !== null && now.getTime() - prev.prevAt.getTime() <= downAfterMs(deps.compute);
    const extended = continues
      ? await tx.$executeRaw`
          UPDATE "NodeUptimeSpan" SET "endsAt" = ${now}
          WHERE "id" = (SELECT "id" FROM "NodeUptimeSpan" WHERE "nodeId" = ${nodeId} ORDER BY "endsAt" DESC LIMIT 1)`
      : 0;
    if (extended === 0) await tx.nodeUptimeSpan.create({ data: { nodeId, startsAt: now, endsAt: now } });
    return {
      nodeId,
      guildId: node.guildId,
      sequence: body.sequence,
      cameOnline: prev.prevStatus !== "online",
      newShortfall: shortfall !== null && shortfall !== prev.prevShortfall ? shortfall : null,
    } satisfies HeartbeatAccepted;
  });
}

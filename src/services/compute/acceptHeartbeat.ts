import { getAddress } from "ethers";
import type { ServiceDeps } from "../deps.ts";
import { downAfterMs } from "./computeDeps.ts";
import { declaredOf } from "./declaredSpecs.ts";
import { HEARTBEAT_TYPES, heartbeatDigestBytes, heartbeatDomain, specsHash } from "./heartbeatTypedData.ts";
import { type CachedNode, storeHeartbeat } from "./heartbeatWriter.ts";
import { recoverAddressLower } from "./recoverSigner.ts";
import { type ReportedSpecs, specsShortfall, storedShortfall } from "./reportedSpecs.ts";

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
  /** The reported specs fall short in a new way, as stored (see `readShortfall`; null: no new shortfall). */
  newShortfall: string | null;
}

/** Node ids are PostgreSQL `integer`s: a larger number names no node (and would fail the query, not find nothing). */
export const MAX_NODE_ID = 2_147_483_647;

const unknownNode = (id: number) => new HeartbeatRefusal(404, "unknown_node", `There is no node #${id}.`);

const retiredRefusal = (id: number) =>
  new HeartbeatRefusal(410, "node_retired", `Node #${id} is retired: it no longer sends heartbeats.`);

async function nodeFor(deps: Pick<ServiceDeps, "db" | "heartbeats">, nodeId: number): Promise<CachedNode | null> {
  if (!Number.isSafeInteger(nodeId) || nodeId < 1 || nodeId > MAX_NODE_ID) return null;
  const cache = deps.heartbeats.nodes;
  const hit = cache.get(nodeId);
  if (hit) return hit;
  const node = await deps.db.computeNode.findUnique({ where: { id: nodeId } });
  if (!node) return null;
  const entry = {
    guildId: node.guildId,
    publicKey: node.publicKey,
    publicKeyLower: node.publicKey.toLowerCase(),
    declared: declaredOf(node),
    retired: node.status === "retired",
  };
  cache.set(nodeId, entry);
  return entry;
}

/** A heartbeat whose signature is the node's registered key and whose clock is Steward's: ready to be recorded. */
export interface VerifiedHeartbeat {
  nodeId: number;
  node: CachedNode;
  body: HeartbeatBody;
  specsJson: string;
  hash: string;
  shortfall: string | null;
}

/**
 * Verifies one signed heartbeat and records it: the signature by the node's registered key over the guild's
 * EIP-712 domain, the node's clock within MAX_CLOCK_SKEW of Steward's, a sequence above the last accepted one, the
 * node not retired. Accepted (after its batch committed, see heartbeatWriter): the node is online, its uptime span
 * is extended (or a new one starts after a gap longer than two intervals), and its reported specs are compared
 * with the declared ones. Uptime runs on Steward's clock, so a node cannot stretch it by its timestamps.
 */
export async function acceptHeartbeat(
  deps: Pick<ServiceDeps, "compute" | "db" | "heartbeats" | "now">,
  nodeId: number,
  body: HeartbeatBody,
) {
  return recordHeartbeat(deps, await verifyHeartbeat(deps, nodeId, body));
}

/**
 * The checks that need no write (~0.12 ms with a cached node): who signed it, for which node and server, and
 * when. Separate from recording so that the HTTP API can tell a node's own heartbeats from anyone else's
 * before it counts them against the node.
 */
export async function verifyHeartbeat(
  deps: Pick<ServiceDeps, "compute" | "db" | "heartbeats" | "now">,
  nodeId: number,
  body: HeartbeatBody,
) {
  const node = await nodeFor(deps, nodeId);
  if (!node) throw unknownNode(nodeId);
  if (node.retired) throw retiredRefusal(nodeId);
  const specsJson = JSON.stringify(body.specs);
  // A node reports the same specs beat after beat: hash and compare them once per change.
  const same = node.lastSpecs?.json === specsJson ? node.lastSpecs : undefined;
  const { hash, shortfall } = same ?? {
    hash: specsHash(body.specs),
    shortfall: storedShortfall(specsShortfall(node.declared, body.specs)),
  };
  node.lastSpecs = { json: specsJson, hash, shortfall };
  const digest = heartbeatDigestBytes(node.guildId, {
    node: nodeId,
    timestamp: body.timestamp,
    sequence: body.sequence,
    specs: hash,
    utilization: body.utilization,
  });
  const signer = recoverAddressLower(digest, body.signature);
  if (signer === null) {
    throw new HeartbeatRefusal(401, "bad_signature", "The signature is not a valid secp256k1 signature.");
  }
  if (signer !== node.publicKeyLower) {
    throw new HeartbeatRefusal(
      401,
      "wrong_key",
      `The heartbeat was signed by ${getAddress(signer)}, not by node #${nodeId}'s registered key ${node.publicKey} (or for another server or node).`,
    );
  }
  const skew = body.timestamp * 1000 - deps.now().getTime();
  if (Math.abs(skew) > deps.compute.maxClockSkewMs) {
    throw new HeartbeatRefusal(
      400,
      "clock_skew",
      `The heartbeat's timestamp is ${Math.round(Math.abs(skew) / 1000)} s ${skew < 0 ? "behind" : "ahead of"} Steward's clock; at most ${deps.compute.maxClockSkewMs / 1000} s is allowed. Check the node's clock (NTP).`,
    );
  }
  return { nodeId, node, body, specsJson, hash, shortfall } satisfies VerifiedHeartbeat;
}

/** Stores a verified heartbeat (group commit): refused when its sequence is not new or the node was retired. */
export async function recordHeartbeat(
  deps: Pick<ServiceDeps, "compute" | "heartbeats" | "now">,
  verified: VerifiedHeartbeat,
) {
  const { nodeId, node, body } = verified;
  const outcome = await storeHeartbeat(
    deps.heartbeats,
    {
      nodeId,
      sequence: BigInt(body.sequence),
      utilization: body.utilization,
      specsJson: verified.specsJson,
      specsHash: verified.hash,
      shortfall: verified.shortfall,
    },
    deps.now,
    downAfterMs(deps.compute),
  );
  if (!outcome.stored) {
    if (outcome.reason === "retired") {
      node.retired = true;
      throw retiredRefusal(nodeId);
    }
    throw new HeartbeatRefusal(
      409,
      "stale_sequence",
      `Sequence ${body.sequence} is not above the last accepted one (${outcome.lastSequence}): a replayed heartbeat, or an agent whose counter went back.`,
    );
  }
  return {
    nodeId,
    guildId: node.guildId,
    sequence: body.sequence,
    cameOnline: outcome.cameOnline,
    newShortfall: outcome.newShortfall,
  } satisfies HeartbeatAccepted;
}

/** What a node agent needs to sign: the guild's typed-data domain, the types, the interval and the allowed skew. */
export async function heartbeatTerms(deps: Pick<ServiceDeps, "compute" | "db">, nodeId: number) {
  if (!Number.isSafeInteger(nodeId) || nodeId < 1 || nodeId > MAX_NODE_ID) throw unknownNode(nodeId);
  // Read fresh (an agent asks once at start): a node retired since it was cached is refused here too.
  const node = await deps.db.computeNode.findUnique({ where: { id: nodeId }, select: { guildId: true, status: true } });
  if (!node) throw unknownNode(nodeId);
  if (node.status === "retired") throw retiredRefusal(nodeId);
  return {
    node: nodeId,
    domain: heartbeatDomain(node.guildId),
    types: HEARTBEAT_TYPES,
    intervalMs: deps.compute.heartbeatIntervalMs,
    maxClockSkewMs: deps.compute.maxClockSkewMs,
  };
}

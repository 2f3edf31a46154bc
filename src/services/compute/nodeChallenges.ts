import { randomBytes } from "node:crypto";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { getAddress, getBytes, keccak256, TypedDataEncoder } from "ethers";
import { isUniqueViolation } from "../../db/isUniqueViolation.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import type { ServiceDeps } from "../deps.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { HeartbeatRefusal } from "./acceptHeartbeat.ts";
import { CHALLENGE_ANSWER_TYPES, type ChallengeTask, resultHash, sampledLanes, solveLane } from "./challengeWork.ts";
import type { DeclaredSpecs } from "./declaredSpecs.ts";
import { heartbeatDomain } from "./heartbeatTypedData.ts";
import type { CachedNode } from "./heartbeatWriter.ts";
import { recoverAddressLower } from "./recoverSigner.ts";
import { CORES_PER_GPU } from "./reportedSpecs.ts";

type Deps = Pick<ServiceDeps, "compute" | "db" | "now">;

/** Lanes Steward recomputes per answer: a node that skipped a fraction f of its lanes passes with (1 − f)³. */
export const SAMPLED_LANES = 3;
/** Failed or unanswered challenges in a row after which moderators are told (once per run of failures). */
export const FLAG_AFTER_FAILURES = 3;

/** The capacity a challenge tests, sized to what the provider DECLARED (never to what the agent reports). */
export function challengeSize(declared: DeclaredSpecs, lanesPerGpu: number) {
  if (declared.gpuModel === null) return { units: declared.cpuCores, lanes: declared.cpuCores };
  return { units: declared.gpuCount * CORES_PER_GPU, lanes: declared.gpuCount * lanesPerGpu };
}

/** The wait before the next challenge: between half and one and a half intervals, drawn from the seed. */
function nextWaitMs(seed: string, intervalMs: number) {
  const u = Number(BigInt(keccak256(seed)) % 1_000_000n) / 1_000_000;
  return Math.round(intervalMs * (0.5 + u));
}

async function loadState(deps: Deps, nodeId: number): Promise<NonNullable<CachedNode["challenge"]>> {
  const last = await deps.db.nodeChallenge.findFirst({ where: { nodeId }, orderBy: { id: "desc" } });
  if (!last) {
    // The first challenge comes at a random moment within half an interval of the node's first heartbeat here.
    const wait = (randomBytes(4).readUInt32BE(0) / 2 ** 32) * (deps.compute.challenge.intervalMs / 2);
    return { nextDueAtMs: deps.now().getTime() + Math.round(wait), open: null };
  }
  return {
    nextDueAtMs: last.nextDueAt.getTime(),
    open:
      last.status === "open"
        ? {
            id: last.id,
            seed: last.seed,
            lanes: last.lanes,
            laneKib: last.laneKib,
            deadlineAtMs: last.deadlineAt.getTime(),
          }
        : null,
  };
}

/**
 * The challenge to send with a heartbeat's answer, if any: the open one (again, with the time it has left), or a
 * new one when the node's random due time has come. An open challenge past its deadline is recorded as expired
 * first. The seed is random and stored with the challenge, and the issue is audited (with a hash of the secret
 * sample seed), so anyone can later recompute the lanes and check which were sampled.
 */
export async function challengeForHeartbeat(
  deps: Deps,
  nodeId: number,
  node: CachedNode,
): Promise<ChallengeTask | null> {
  node.challenge ??= await loadState(deps, nodeId);
  const state = node.challenge;
  const now = deps.now();
  if (state.open && now.getTime() > state.open.deadlineAtMs) {
    await expireChallenge(deps, nodeId, node.guildId, state.open.id);
    state.open = null;
  }
  if (state.open) {
    const { id, seed, lanes, laneKib, deadlineAtMs } = state.open;
    return { id, seed, lanes, laneKib, deadlineMs: deadlineAtMs - now.getTime() };
  }
  if (now.getTime() < state.nextDueAtMs) return null;
  const settings = deps.compute.challenge;
  const { units, lanes } = challengeSize(node.declared, settings.lanesPerGpu);
  const seed = `0x${randomBytes(32).toString("hex")}`;
  const sampleSeed = `0x${randomBytes(32).toString("hex")}`;
  const deadlineAt = new Date(now.getTime() + settings.deadlineMs);
  const nextDueAt = new Date(now.getTime() + nextWaitMs(seed, settings.intervalMs));
  try {
    const row = await deps.db.$transaction(async (tx) => {
      const created = await tx.nodeChallenge.create({
        data: {
          nodeId,
          openFor: nodeId,
          seed,
          sampleSeed,
          lanes,
          laneKib: settings.laneKib,
          units,
          issuedAt: now,
          deadlineAt,
          nextDueAt,
        },
      });
      await appendAuditEvent(tx, {
        guildId: node.guildId,
        actorId: "system:challenge",
        action: "node.challenge_issued",
        subjectType: "node",
        subjectId: String(nodeId),
        payload: {
          challenge: created.id,
          seed,
          sampleCommit: keccak256(sampleSeed),
          lanes,
          laneKib: settings.laneKib,
          units,
          deadlineAt: deadlineAt.toISOString(),
        },
        createdAt: now,
      });
      return created;
    });
    state.open = { id: row.id, seed, lanes, laneKib: settings.laneKib, deadlineAtMs: deadlineAt.getTime() };
    state.nextDueAtMs = nextDueAt.getTime();
    return { id: row.id, seed, lanes, laneKib: settings.laneKib, deadlineMs: settings.deadlineMs };
  } catch (error) {
    // Another Steward process issued one at the same moment: read it next time.
    if (!isUniqueViolation(error)) throw error;
    node.challenge = undefined;
    return null;
  }
}

async function expireChallenge(deps: Deps, nodeId: number, guildId: string, id: number) {
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.nodeChallenge.updateMany({
      where: { id, status: "open" },
      data: { status: "expired", openFor: null, failure: "unanswered" },
    });
    if (count === 0) return;
    await appendAuditEvent(tx, {
      guildId,
      actorId: "system:challenge",
      action: "node.challenge_failed",
      subjectType: "node",
      subjectId: String(nodeId),
      payload: { challenge: id, failure: "unanswered" },
      createdAt: now,
    });
    await flagIfFailingRepeatedly(tx, guildId, nodeId, now);
  });
}

type Tx = Parameters<Parameters<Deps["db"]["$transaction"]>[0]>[0];

/** Moderators are told when a node's last FLAG_AFTER_FAILURES decided challenges all failed (once per run). */
async function flagIfFailingRepeatedly(tx: Tx, guildId: string, nodeId: number, now: Date) {
  const recent = await tx.nodeChallenge.findMany({
    where: { nodeId, status: { not: "open" } },
    orderBy: { id: "desc" },
    take: FLAG_AFTER_FAILURES + 1,
    select: { status: true },
  });
  const run = recent.findIndex((c) => c.status === "passed");
  const failures = run === -1 ? recent.length : run;
  if (failures !== FLAG_AFTER_FAILURES) return;
  await enqueuePosts(tx, now, [
    {
      guildId,
      kind: "note",
      note: {
        channel: "governance",
        fact: { kind: "node_challenges_failed", nodeId, failures },
      },
    },
  ]);
  await appendAuditEvent(tx, {
    guildId,
    actorId: "system:challenge",
    action: "node.challenges_flagged",
    subjectType: "node",
    subjectId: String(nodeId),
    payload: { failures },
    createdAt: now,
  });
}

export interface ChallengeAnswer {
  lanes: string[];
  signature: string;
}

export type ChallengeVerdict = { status: "passed" | "failed"; failure: string | null; elapsedMs: number };

/**
 * Checks a node's answer: signed by the node's registered key (EIP-712, the heartbeat domain), in before the
 * deadline, one result per lane, and the lanes drawn from the secret sample seed recomputed equal. Recorded with
 * its timing and audited (revealing the sample seed), whatever the verdict.
 */
export async function answerChallenge(
  deps: Deps,
  nodeId: number,
  challengeId: number,
  answer: ChallengeAnswer,
  node?: CachedNode,
): Promise<ChallengeVerdict> {
  const row = await deps.db.nodeChallenge.findUnique({
    where: { id: challengeId },
    include: { node: { select: { guildId: true, publicKey: true } } },
  });
  if (!row || row.nodeId !== nodeId) {
    throw new HeartbeatRefusal(404, "unknown_challenge", `Node #${nodeId} has no challenge #${challengeId}.`);
  }
  if (row.status !== "open") {
    throw new HeartbeatRefusal(409, "challenge_closed", `Challenge #${challengeId} was already ${row.status}.`);
  }
  const digest = TypedDataEncoder.hash(heartbeatDomain(row.node.guildId), CHALLENGE_ANSWER_TYPES, {
    node: nodeId,
    challenge: challengeId,
    result: resultHash(answer.lanes),
  });
  const signer = recoverAddressLower(getBytes(digest), answer.signature);
  if (signer !== row.node.publicKey.toLowerCase()) {
    throw new HeartbeatRefusal(
      401,
      "wrong_key",
      `The answer was not signed by node #${nodeId}'s registered key ${getAddress(row.node.publicKey)}.`,
    );
  }
  const now = deps.now();
  const elapsedMs = now.getTime() - row.issuedAt.getTime();
  let failure: string | null = null;
  if (now > row.deadlineAt) failure = "late";
  else if (answer.lanes.length !== row.lanes) failure = "wrong_lane_count";
  else {
    let wrong: number | undefined;
    for (const lane of sampledLanes(row.sampleSeed, row.lanes, SAMPLED_LANES)) {
      if (solveLane(row.seed, lane, row.laneKib) !== answer.lanes[lane]?.toLowerCase()) wrong = lane;
      // Each lane is tens of milliseconds of hashing: let other requests through between them.
      await yieldToLoop();
    }
    if (wrong !== undefined) failure = "wrong_lane";
  }
  const status = failure === null ? "passed" : "failed";
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.nodeChallenge.updateMany({
      where: { id: challengeId, status: "open" },
      data: { status, failure, openFor: null, answeredAt: now, elapsedMs, resultHash: resultHash(answer.lanes) },
    });
    if (count === 0) throw new HeartbeatRefusal(409, "challenge_closed", `Challenge #${challengeId} is closed.`);
    await appendAuditEvent(tx, {
      guildId: row.node.guildId,
      actorId: "system:challenge",
      action: status === "passed" ? "node.challenge_passed" : "node.challenge_failed",
      subjectType: "node",
      subjectId: String(nodeId),
      payload: {
        challenge: challengeId,
        failure,
        elapsedMs,
        sampleSeed: row.sampleSeed,
        result: resultHash(answer.lanes),
      },
      createdAt: now,
    });
    if (failure !== null) await flagIfFailingRepeatedly(tx, row.node.guildId, nodeId, now);
  });
  if (node?.challenge?.open?.id === challengeId) node.challenge.open = null;
  return { status, failure, elapsedMs };
}

/** The unproven rate: one CPU core's weight, whatever the node declared. */
export const CPU_RATE_WEIGHT = 1;

/**
 * The capacity each node proved in a window: the largest size of the challenges it passed there, when it passed
 * at least one and more than it failed (an open challenge whose deadline passed counts as failed). Nodes absent
 * from the map proved nothing.
 */
export async function provenUnits(
  tx: Pick<Deps["db"], "nodeChallenge">,
  nodeIds: number[],
  from: Date,
  to: Date,
): Promise<Map<number, number>> {
  const rows = await tx.nodeChallenge.findMany({
    // Stryker disable next-line ObjectLiteral: narrows the read only: callers look up their own nodes in the map
    where: { nodeId: { in: nodeIds }, issuedAt: { gte: from, lt: to } },
    select: { nodeId: true, status: true, units: true, deadlineAt: true },
  });
  const tally = new Map<number, { passed: number; failed: number; units: number }>();
  for (const r of rows) {
    const t = tally.get(r.nodeId) ?? { passed: 0, failed: 0, units: 0 };
    if (r.status === "passed") {
      t.passed++;
      t.units = Math.max(t.units, r.units);
    } else if (r.status !== "open" || r.deadlineAt < to) t.failed++;
    tally.set(r.nodeId, t);
  }
  const out = new Map<number, number>();
  for (const [id, t] of tally) if (t.passed > t.failed) out.set(id, t.units);
  return out;
}

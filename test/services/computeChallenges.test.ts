import { keccak256, Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { HeartbeatRefusal } from "../../src/services/compute/acceptHeartbeat.ts";
import {
  CHALLENGE_ANSWER_TYPES,
  type ChallengeTask,
  resultHash,
  sampledLanes,
  solveChallenge,
  solveLane,
} from "../../src/services/compute/challengeWork.ts";
import { computeShares } from "../../src/services/compute/computeShares.ts";
import { declaredOf } from "../../src/services/compute/declaredSpecs.ts";
import { heartbeatDomain } from "../../src/services/compute/heartbeatTypedData.ts";
import type { CachedNode } from "../../src/services/compute/heartbeatWriter.ts";
import {
  answerChallenge,
  challengeForHeartbeat,
  FLAG_AFTER_FAILURES,
  provenUnits,
} from "../../src/services/compute/nodeChallenges.ts";
import { registerNode } from "../../src/services/compute/registerNode.ts";
import type { Actor } from "../../src/services/deps.ts";
import { createWalletChallenge } from "../../src/services/wallets/createWalletChallenge.ts";
import { verifyWalletSignature } from "../../src/services/wallets/verifyWalletSignature.ts";
import { actor, serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const GUILD = "100000000000000001";
const HOUR = 3_600_000;
const at = (h: number, s = 0) => new Date(Date.UTC(2026, 10, 26, h, 0, s));
let database: Database;
let deps: TestServiceDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database, { now: at(0) });
  deps.compute = {
    ...deps.compute,
    challenge: { intervalMs: HOUR, deadlineMs: 30_000, laneKib: 4, lanesPerGpu: 8 },
  };
});
afterAll(() => database.close());

async function provider(who: Actor) {
  const wallet = Wallet.createRandom();
  const challenge = await createWalletChallenge(deps, who, wallet.address);
  await verifyWalletSignature(deps, who, await wallet.signMessage(challenge.message));
}

/** A registered H200 node whose agent reports what was declared, with its key and the cache entry Steward keeps. */
async function node(who: Actor, gpus: number) {
  const key = Wallet.createRandom();
  const n = await registerNode(deps, who, ["Provider"], {
    name: `n${gpus}`,
    gpuModel: "H200",
    gpuCount: gpus,
    vramGb: 141,
    cpuCores: 8,
    ramGb: 64,
    region: "eu-west",
    price: "2",
    publicKey: key.address,
  });
  const row = await deps.db.computeNode.update({
    where: { id: n.id },
    data: {
      reportedSpecs: {
        cpuCores: 8,
        ramGb: 64,
        os: "Linux",
        gpus: Array(gpus).fill({ name: "NVIDIA H200", memoryMiB: 143771 }),
      },
    },
  });
  const cached: CachedNode = {
    guildId: row.guildId,
    publicKey: row.publicKey,
    publicKeyLower: row.publicKey.toLowerCase(),
    declared: declaredOf(row),
    retired: false,
  };
  return { id: n.id, key, cached };
}

async function sign(key: Pick<Wallet, "signTypedData">, nodeId: number, challenge: number, lanes: string[]) {
  return key.signTypedData(heartbeatDomain(GUILD), CHALLENGE_ANSWER_TYPES, {
    node: nodeId,
    challenge,
    result: resultHash(lanes),
  });
}

/** Heartbeats until the node's random due time comes (at most half an interval for the first challenge). */
async function issue(n: Awaited<ReturnType<typeof node>>): Promise<ChallengeTask> {
  for (let i = 0; i < 200; i++) {
    const task = await challengeForHeartbeat(deps, n.id, n.cached);
    if (task) return task;
    deps.clock.now = new Date(deps.clock.now.getTime() + 60_000);
  }
  throw new Error("no challenge came");
}

describe("capacity challenges", () => {
  it("are issued at a random time, sized to the declared capacity, audited with a commitment to the sample", async () => {
    const pat = actor("900000000000000041", "pat");
    await provider(pat);
    const n = await node(pat, 2);
    deps.clock.now = at(1);
    const task = await issue(n);
    // Within half an interval of the first heartbeat seen.
    expect(deps.clock.now.getTime() - at(1).getTime()).toBeLessThanOrEqual(HOUR / 2);
    // 2 GPUs × 8 lanes per GPU, of the configured size, with the whole deadline.
    expect(task).toMatchObject({ lanes: 16, laneKib: 4, deadlineMs: 30_000 });
    const row = await deps.db.nodeChallenge.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ nodeId: n.id, openFor: n.id, status: "open", units: 32, seed: task.seed });
    const nextIn = row.nextDueAt.getTime() - row.issuedAt.getTime();
    expect(nextIn).toBeGreaterThanOrEqual(HOUR / 2);
    expect(nextIn).toBeLessThan((3 * HOUR) / 2);
    const audit = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "node.challenge_issued" } });
    expect(audit.payload).toMatchObject({
      challenge: task.id,
      seed: task.seed,
      sampleCommit: keccak256(row.sampleSeed),
    });
    // The secret sample seed never goes to the node.
    expect(JSON.stringify(task)).not.toContain(row.sampleSeed.slice(2));

    // The next heartbeat carries the same challenge with the time it has left; no second one is opened.
    deps.clock.now = new Date(deps.clock.now.getTime() + 10_000);
    expect(await challengeForHeartbeat(deps, n.id, n.cached)).toEqual({ ...task, deadlineMs: 20_000 });
    // Another process (a cold cache) finds the open one too.
    expect(await challengeForHeartbeat(deps, n.id, { ...n.cached, challenge: undefined })).toEqual({
      ...task,
      deadlineMs: 20_000,
    });
    expect(await deps.db.nodeChallenge.count({ where: { nodeId: n.id } })).toBe(1);

    // The honest answer: every lane computed, signed by the node's key, before the deadline.
    const lanes = solveChallenge(task);
    const verdict = await answerChallenge(
      deps,
      n.id,
      task.id,
      { lanes, signature: await sign(n.key, n.id, task.id, lanes) },
      n.cached,
    );
    expect(verdict).toEqual({ status: "passed", failure: null, elapsedMs: 10_000 });
    const done = await deps.db.nodeChallenge.findUniqueOrThrow({ where: { id: task.id } });
    expect(done).toMatchObject({ status: "passed", openFor: null, elapsedMs: 10_000, resultHash: resultHash(lanes) });
    const passed = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "node.challenge_passed" } });
    expect(passed.payload).toMatchObject({ challenge: task.id, sampleSeed: row.sampleSeed });
    // Answered once: a second answer is refused.
    await expect(
      answerChallenge(deps, n.id, task.id, { lanes, signature: await sign(n.key, n.id, task.id, lanes) }),
    ).rejects.toMatchObject({ status: 409, code: "challenge_closed" });
    // No new challenge before the drawn due time.
    expect(await challengeForHeartbeat(deps, n.id, n.cached)).toBeNull();
  });

  it("fails an answer with skipped lanes, a late one, and refuses another key's", async () => {
    const quin = actor("900000000000000042", "quin");
    await provider(quin);
    const n = await node(quin, 1);
    deps.clock.now = at(3);
    const task = await issue(n);
    const honest = solveChallenge(task);
    // Someone else's key: refused, nothing recorded.
    const other = Wallet.createRandom();
    await expect(
      answerChallenge(deps, n.id, task.id, { lanes: honest, signature: await sign(other, n.id, task.id, honest) }),
    ).rejects.toBeInstanceOf(HeartbeatRefusal);
    // A node without the capacity computes a few lanes and makes up the rest: a sampled lane gives it away.
    const row = await deps.db.nodeChallenge.findUniqueOrThrow({ where: { id: task.id } });
    const sampled = sampledLanes(row.sampleSeed, task.lanes, 3);
    const faked = honest.map((l, i) => (i === sampled[0] ? `0x${"00".repeat(32)}` : l));
    const verdict = await answerChallenge(deps, n.id, task.id, {
      lanes: faked,
      signature: await sign(n.key, n.id, task.id, faked),
    });
    expect(verdict).toMatchObject({ status: "failed", failure: "wrong_lane" });
    expect(solveLane(task.seed, sampled[0] as number, task.laneKib)).toBe(honest[sampled[0] as number]);

    // Late: the right lanes after the deadline fail.
    deps.clock.now = new Date(row.nextDueAt.getTime());
    const next = await issue(n);
    deps.clock.now = new Date(deps.clock.now.getTime() + 30_001);
    const lanes = solveChallenge(next);
    expect(
      await answerChallenge(deps, n.id, next.id, { lanes, signature: await sign(n.key, n.id, next.id, lanes) }),
    ).toMatchObject({ status: "failed", failure: "late", elapsedMs: 30_001 });
  });

  it("expires unanswered challenges and tells moderators once after repeated failures", async () => {
    const rey = actor("900000000000000043", "rey");
    await provider(rey);
    const n = await node(rey, 1);
    deps.clock.now = at(6);
    const notes = () =>
      deps.db.pendingPost.count({
        where: {
          kind: "note",
          payload: {
            equals: { channel: "governance", fact: { kind: "node_challenges_failed", nodeId: n.id, failures: 3 } },
          },
        },
      });
    for (let i = 0; i < FLAG_AFTER_FAILURES + 1; i++) {
      const task = await issue(n);
      // The agent never answers; the heartbeat after the deadline records it expired.
      deps.clock.now = new Date(deps.clock.now.getTime() + 31_000);
      expect(await challengeForHeartbeat(deps, n.id, n.cached)).toBeNull();
      expect(await deps.db.nodeChallenge.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
        status: "expired",
        failure: "unanswered",
        openFor: null,
      });
      expect(await notes()).toBe(i + 1 >= FLAG_AFTER_FAILURES ? 1 : 0);
      deps.clock.now = (await deps.db.nodeChallenge.findUniqueOrThrow({ where: { id: task.id } })).nextDueAt;
    }
    expect(
      await deps.db.auditEvent.count({ where: { action: "node.challenges_flagged", subjectId: String(n.id) } }),
    ).toBe(1);
  });
});

describe("proven capacity in the compute shares", () => {
  const G = "100000000000000005";
  const who = (id: string, name: string): Actor => ({ guildId: G, discordId: id, username: name });
  async function gpuNode(owner: Actor, gpus: number) {
    const { id } = await node(owner, gpus);
    await deps.db.nodeUptimeSpan.create({ data: { nodeId: id, startsAt: at(10), endsAt: at(12) } });
    return id;
  }
  const challenge = (nodeId: number, status: "passed" | "failed" | "expired" | "open", units: number, h = 11) =>
    deps.db.nodeChallenge.create({
      data: {
        nodeId,
        seed: "0x01",
        sampleSeed: "0x02",
        lanes: 1,
        laneKib: 1,
        units,
        issuedAt: at(h),
        deadlineAt: at(h, 30),
        nextDueAt: at(h + 1),
        status,
      },
    });
  const weights = async (cap?: number) => {
    const { rewards } = await computeShares(deps.db, {
      guildId: G,
      epochId: 1,
      from: at(10),
      to: at(13),
      budget: 10n ** 6n,
      maxCapacityPerProvider: cap,
    });
    return Object.fromEntries(rewards.map((r) => [r.nodeId, { weight: r.weight, amount: r.amount }]));
  };

  it("pays proven capacity, the CPU rate for capacity failed or never challenged, and caps a provider", async () => {
    const sam = who("900000000000000051", "sam");
    const tia = who("900000000000000052", "tia");
    await provider(sam);
    await provider(tia);
    deps.clock.now = at(9);
    const proven = await gpuNode(sam, 1);
    const never = await gpuNode(sam, 1);
    const failed = await gpuNode(tia, 1);
    const partly = await gpuNode(tia, 2);
    await challenge(proven, "passed", 16);
    await challenge(failed, "failed", 16);
    await challenge(failed, "expired", 16);
    // Proved one GPU's worth (a challenge sized before the provider declared a second): paid for what it proved.
    await challenge(partly, "passed", 16);
    // Outside the window: does not count.
    await challenge(never, "passed", 16, 9);
    expect(await weights()).toEqual({
      [proven]: { weight: 16, amount: 470_588n },
      [never]: { weight: 1, amount: 29_412n },
      [failed]: { weight: 1, amount: 29_412n },
      [partly]: { weight: 16, amount: 470_588n },
    });
    // More failures than passes: unproven; an open challenge whose deadline passed counts as failed.
    await challenge(partly, "failed", 32, 12);
    await challenge(partly, "open", 32, 12);
    expect((await provenUnits(deps.db, [partly], at(10), at(13))).get(partly)).toBeUndefined();
    expect((await provenUnits(deps.db, [partly], at(10), at(12))).get(partly)).toBe(16);
    expect((await weights())[partly]?.weight).toBe(1);
    await challenge(partly, "passed", 32, 12);
    await challenge(partly, "passed", 32, 12);
    expect((await weights())[partly]?.weight).toBe(32);

    // An open challenge counts as failed once its deadline (12:00:30) is inside the window, not before.
    const lapsed = await gpuNode(sam, 1);
    await deps.db.nodeUptimeSpan.deleteMany({ where: { nodeId: lapsed } });
    await challenge(lapsed, "passed", 16);
    await challenge(lapsed, "open", 16, 12);
    expect((await provenUnits(deps.db, [lapsed], at(10), at(12, 10))).get(lapsed)).toBe(16);
    expect((await provenUnits(deps.db, [lapsed], at(10), at(12, 30))).get(lapsed)).toBe(16);
    expect((await provenUnits(deps.db, [lapsed], at(10), at(13))).get(lapsed)).toBeUndefined();
    // A failed answer counts at once, even before its deadline.
    const wrong = await gpuNode(sam, 1);
    await deps.db.nodeUptimeSpan.deleteMany({ where: { nodeId: wrong } });
    await challenge(wrong, "passed", 16);
    await challenge(wrong, "failed", 16, 12);
    expect((await provenUnits(deps.db, [wrong], at(10), at(12, 10))).get(wrong)).toBeUndefined();
    // A cap above a provider's capacity changes nothing for them (sam: 17 under 20; the node up for none of the
    // epoch, unproven, does not count), and scales one above it (tia: 33 to 20).
    const roomy = await weights(20);
    expect(roomy[lapsed]).toBeUndefined();
    expect((roomy[proven]?.amount ?? 0n) + (roomy[never]?.amount ?? 0n)).toBe(459_459n);
    expect(roomy[failed]?.amount).toBe(16_380n);
    expect(roomy[partly]?.amount).toBe(524_161n);

    // Capped at 16 units per provider: sam's 16 + 1 are scaled to 16 in proportion; tia's 1 + 32 to 16.
    const capped = await weights(16);
    const samTotal = (capped[proven]?.amount ?? 0n) + (capped[never]?.amount ?? 0n);
    const tiaTotal = (capped[failed]?.amount ?? 0n) + (capped[partly]?.amount ?? 0n);
    expect(samTotal + tiaTotal).toBe(10n ** 6n);
    expect(samTotal).toBe(500_000n);
    expect(capped[proven]?.amount).toBe(470_588n);
    // Uncapped, tia's larger capacity earns more.
    const free = await weights();
    expect((free[failed]?.amount ?? 0n) + (free[partly]?.amount ?? 0n)).toBe(660_000n);
  });
});

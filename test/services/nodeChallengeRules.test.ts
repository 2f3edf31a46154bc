import { keccak256, Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import {
  CHALLENGE_ANSWER_TYPES,
  type ChallengeTask,
  resultHash,
  sampledLanes,
  solveChallenge,
} from "../../src/services/compute/challengeWork.ts";
import { declaredOf } from "../../src/services/compute/declaredSpecs.ts";
import { heartbeatDomain } from "../../src/services/compute/heartbeatTypedData.ts";
import type { CachedNode } from "../../src/services/compute/heartbeatWriter.ts";
import {
  answerChallenge,
  challengeForHeartbeat,
  challengeSize,
  SAMPLED_LANES,
} from "../../src/services/compute/nodeChallenges.ts";
import { registerNode } from "../../src/services/compute/registerNode.ts";
import type { Actor } from "../../src/services/deps.ts";
import { createWalletChallenge } from "../../src/services/wallets/createWalletChallenge.ts";
import { verifyWalletSignature } from "../../src/services/wallets/verifyWalletSignature.ts";
import { actor, serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

// Case by case rules of capacity challenges (issue 22 §2), fast enough to run per mutant.
const GUILD = "100000000000000001";
const HOUR = 3_600_000;
const DEADLINE = 30_000;
const at = (h: number, s = 0) => new Date(Date.UTC(2026, 11, 1, h, 0, s));
let database: Database;
let deps: TestServiceDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database, { now: at(0) });
  deps.compute = {
    ...deps.compute,
    challenge: { intervalMs: HOUR, deadlineMs: DEADLINE, laneKib: 1, lanesPerGpu: 4 },
  };
});
afterAll(() => database.close());

let people = 0;
async function node(gpus: number) {
  const who: Actor = actor(`9000000000000001${String(++people).padStart(2, "0")}`, `p${people}`);
  const wallet = Wallet.createRandom();
  const challenge = await createWalletChallenge(deps, who, wallet.address);
  await verifyWalletSignature(deps, who, await wallet.signMessage(challenge.message));
  const key = Wallet.createRandom();
  const n = await registerNode(deps, who, ["Provider"], {
    name: `n${people}`,
    gpuModel: "H200",
    gpuCount: gpus,
    vramGb: 141,
    cpuCores: 8,
    ramGb: 64,
    region: "eu-west",
    price: "2",
    publicKey: key.address,
  });
  const row = await deps.db.computeNode.findUniqueOrThrow({ where: { id: n.id } });
  const cached: CachedNode = {
    guildId: row.guildId,
    publicKey: row.publicKey,
    publicKeyLower: row.publicKey.toLowerCase(),
    declared: declaredOf(row),
    retired: false,
  };
  return { id: n.id, key, cached, publicKey: row.publicKey };
}
type Node = Awaited<ReturnType<typeof node>>;

/** The next challenge, at exactly the node's due time. */
async function issue(n: Node): Promise<ChallengeTask> {
  if (!n.cached.challenge) await challengeForHeartbeat(deps, n.id, n.cached);
  deps.clock.now = new Date(n.cached.challenge?.nextDueAtMs ?? 0);
  const task = await challengeForHeartbeat(deps, n.id, n.cached);
  if (!task) throw new Error("no challenge at the due time");
  return task;
}

async function answer(
  n: Node,
  task: ChallengeTask,
  lanes: string[],
  key: Pick<Wallet, "signTypedData"> = n.key,
  cached?: CachedNode,
) {
  const signature = await key.signTypedData(heartbeatDomain(GUILD), CHALLENGE_ANSWER_TYPES, {
    node: n.id,
    challenge: task.id,
    result: resultHash(lanes),
  });
  return answerChallenge(deps, n.id, task.id, { lanes, signature }, cached);
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );
const audits = (n: Node, action: string) =>
  deps.db.auditEvent.findMany({ where: { action, subjectId: String(n.id) }, orderBy: { id: "asc" } });
const flagNotes = (n: Node) =>
  deps.db.pendingPost.findMany({
    where: { kind: "note", payload: { path: ["fact", "nodeId"], equals: n.id } },
  });
const wrongLanes = async (task: ChallengeTask) => {
  const row = await deps.db.nodeChallenge.findUniqueOrThrow({ where: { id: task.id } });
  const lane = sampledLanes(row.sampleSeed, task.lanes, SAMPLED_LANES)[0] as number;
  return solveChallenge(task).map((l, i) => (i === lane ? `0x${"00".repeat(32)}` : l));
};

describe("challenge size and timing", () => {
  it("sizes a CPU-only node by its cores and a GPU node by its GPUs", () => {
    const cpu = { gpuModel: null, gpuCount: 0, cpuCores: 6 } as Parameters<typeof challengeSize>[0];
    expect(challengeSize(cpu, 4)).toEqual({ units: 6, lanes: 6 });
    const gpu = { gpuModel: "H200", gpuCount: 2, cpuCores: 6 } as Parameters<typeof challengeSize>[0];
    expect(challengeSize(gpu, 4)).toMatchObject({ lanes: 8 });
  });

  it("gives a new node its first challenge within half an interval, never at once", async () => {
    const n = await node(1);
    deps.clock.now = at(1);
    expect(await challengeForHeartbeat(deps, n.id, n.cached)).toBeNull();
    const due = n.cached.challenge?.nextDueAtMs ?? 0;
    expect(due).toBeGreaterThan(at(1).getTime());
    expect(due).toBeLessThanOrEqual(at(1).getTime() + HOUR / 2);
    // Just before the due time: nothing; exactly at it: issued, and audited.
    deps.clock.now = new Date(due - 1);
    expect(await challengeForHeartbeat(deps, n.id, n.cached)).toBeNull();
    deps.clock.now = new Date(due);
    const task = await challengeForHeartbeat(deps, n.id, n.cached);
    expect(task).toMatchObject({ lanes: 4, laneKib: 1, deadlineMs: DEADLINE });
    const row = await deps.db.nodeChallenge.findUniqueOrThrow({ where: { id: task?.id } });
    // The next one: the interval scaled by a draw from the seed, between one half and one and a half.
    const u = Number(BigInt(keccak256(row.seed)) % 1_000_000n) / 1_000_000;
    expect(row.nextDueAt.getTime() - due).toBe(Math.round(HOUR * (0.5 + u)));
    const [issued] = await audits(n, "node.challenge_issued");
    expect(issued).toMatchObject({ actorId: "system:challenge", subjectType: "node", subjectId: String(n.id) });
    expect(issued?.payload).toMatchObject({ challenge: row.id, sampleCommit: keccak256(row.sampleSeed), units: 16 });
  });

  it("repeats an open challenge up to exactly its deadline, then expires it (once) and audits it", async () => {
    const n = await node(1);
    const task = await issue(n);
    const issuedAt = deps.clock.now.getTime();
    deps.clock.now = new Date(issuedAt + DEADLINE);
    expect(await challengeForHeartbeat(deps, n.id, n.cached)).toEqual({ ...task, deadlineMs: 0 });
    // A cold cache (another process) reads the open one, not an older decided one nor another node's.
    const other = await node(1);
    await issue(other);
    deps.clock.now = new Date(issuedAt + DEADLINE);
    expect(await challengeForHeartbeat(deps, n.id, { ...n.cached, challenge: undefined })).toEqual({
      ...task,
      deadlineMs: 0,
    });
    deps.clock.now = new Date(issuedAt + DEADLINE + 1);
    expect(await challengeForHeartbeat(deps, n.id, n.cached)).toBeNull();
    expect(await deps.db.nodeChallenge.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "expired",
      failure: "unanswered",
    });
    // Only this challenge expired.
    expect((await deps.db.nodeChallenge.findFirstOrThrow({ where: { nodeId: other.id } })).status).toBe("open");
    const failed = await audits(n, "node.challenge_failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ actorId: "system:challenge", subjectType: "node" });
    expect(failed[0]?.payload).toEqual({ challenge: task.id, failure: "unanswered" });
  });

  it("does not audit an expiry again when another process already closed the challenge", async () => {
    const n = await node(1);
    const task = await issue(n);
    const stale: CachedNode = {
      ...n.cached,
      challenge: {
        nextDueAtMs: Number.MAX_SAFE_INTEGER,
        open: {
          id: task.id,
          seed: task.seed,
          lanes: task.lanes,
          laneKib: task.laneKib,
          deadlineAtMs: deps.clock.now.getTime() + DEADLINE,
        },
      },
    };
    deps.clock.now = new Date(deps.clock.now.getTime() + 1000);
    expect(await answer(n, task, solveChallenge(task))).toMatchObject({ status: "passed" });
    deps.clock.now = new Date(deps.clock.now.getTime() + DEADLINE);
    expect(await challengeForHeartbeat(deps, n.id, stale)).toBeNull();
    expect(await audits(n, "node.challenge_failed")).toHaveLength(0);
    expect((await deps.db.nodeChallenge.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("passed");
    // A cold cache after the pass sees no open challenge and waits for the due time.
    expect(await challengeForHeartbeat(deps, n.id, { ...n.cached, challenge: undefined })).toBeNull();
  });

  it("issues one challenge when two processes race, and surfaces other database errors", async () => {
    const n = await node(1);
    await challengeForHeartbeat(deps, n.id, n.cached);
    deps.clock.now = new Date(n.cached.challenge?.nextDueAtMs ?? 0);
    const due = deps.clock.now.getTime();
    const a: CachedNode = { ...n.cached, challenge: { nextDueAtMs: due, open: null } };
    const b: CachedNode = { ...n.cached, challenge: { nextDueAtMs: due, open: null } };
    const results = await Promise.all([challengeForHeartbeat(deps, n.id, a), challengeForHeartbeat(deps, n.id, b)]);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect([a.challenge, b.challenge].filter((c) => c === undefined)).toHaveLength(1);
    expect(await deps.db.nodeChallenge.count({ where: { nodeId: n.id } })).toBe(1);
    // No such node: not a race, an error.
    const ghost: CachedNode = { ...n.cached, challenge: { nextDueAtMs: 0, open: null } };
    await expect(challengeForHeartbeat(deps, 99_999_999, ghost)).rejects.toThrow();
  });
});

describe("answers", () => {
  it("refuses unknown challenges, another node's, closed ones and another key's, with their reasons", async () => {
    const n = await node(1);
    const m = await node(1);
    const task = await issue(n);
    const lanes = solveChallenge(task);
    expect(await refusal(answer(m, task, lanes, m.key))).toMatchObject({
      status: 404,
      code: "unknown_challenge",
      message: `Node #${m.id} has no challenge #${task.id}.`,
    });
    expect(await refusal(answer(n, { ...task, id: 99_999_999 }, lanes))).toMatchObject({
      status: 404,
      code: "unknown_challenge",
    });
    expect(await refusal(answer(n, task, lanes, Wallet.createRandom()))).toMatchObject({
      status: 401,
      code: "wrong_key",
      message: `The answer was not signed by node #${n.id}'s registered key ${n.publicKey}.`,
    });
    await answer(n, task, lanes);
    expect(await refusal(answer(n, task, lanes))).toMatchObject({
      status: 409,
      code: "challenge_closed",
      message: `Challenge #${task.id} was already passed.`,
    });
  });

  it("refuses the second of two answers racing, recording one", async () => {
    const n = await node(2);
    const task = await issue(n);
    const lanes = solveChallenge(task);
    const results = await Promise.allSettled([answer(n, task, lanes), answer(n, task, lanes)]);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      status: 409,
      code: "challenge_closed",
      message: `Challenge #${task.id} is closed.`,
    });
    expect(await audits(n, "node.challenge_passed")).toHaveLength(1);
  });

  it("passes an answer exactly at the deadline, records and audits it, touching no other challenge", async () => {
    const n = await node(1);
    const other = await node(1);
    await issue(other);
    const task = await issue(n);
    deps.clock.now = new Date(deps.clock.now.getTime() + DEADLINE);
    const lanes = solveChallenge(task);
    // A cache that never saw this challenge, and one that never read the database.
    expect(await answer(n, task, lanes, n.key, { ...n.cached, challenge: { nextDueAtMs: 0, open: null } })).toEqual({
      status: "passed",
      failure: null,
      elapsedMs: DEADLINE,
    });
    expect(await deps.db.nodeChallenge.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "passed",
      failure: null,
      elapsedMs: DEADLINE,
      resultHash: resultHash(lanes),
    });
    expect((await deps.db.nodeChallenge.findFirstOrThrow({ where: { nodeId: other.id } })).status).toBe("open");
    const [passed] = await audits(n, "node.challenge_passed");
    expect(passed).toMatchObject({ actorId: "system:challenge", subjectType: "node" });
    const late = await issue(other);
    deps.clock.now = new Date(deps.clock.now.getTime() + DEADLINE + 1);
    expect(
      await answer(other, late, solveChallenge(late), other.key, { ...other.cached, challenge: undefined }),
    ).toMatchObject({ status: "failed", failure: "late" });
    // The cache that issued it forgets the open challenge once it is answered.
    expect(other.cached.challenge?.open?.id).toBe(late.id);
  });

  it("fails an extra lane and a wrong sampled lane, audits the failure, and flags the third failure in a row", async () => {
    const n = await node(1);
    const other = await node(1);
    // A pass first: only the failures after it count.
    const first = await issue(n);
    await answer(n, first, solveChallenge(first), n.key, n.cached);
    expect(n.cached.challenge?.open).toBeNull();
    const extra = await issue(n);
    expect(await answer(n, extra, [...solveChallenge(extra), `0x${"11".repeat(32)}`])).toMatchObject({
      status: "failed",
      failure: "wrong_lane_count",
    });
    const [failed] = await audits(n, "node.challenge_failed");
    expect(failed).toMatchObject({ actorId: "system:challenge", subjectType: "node" });
    const wrong = await issue(n);
    expect(await answer(n, wrong, await wrongLanes(wrong))).toMatchObject({ status: "failed", failure: "wrong_lane" });
    // Another node's pass in between does not break this node's run of failures.
    const theirs = await issue(other);
    await answer(other, theirs, solveChallenge(theirs));
    expect(await flagNotes(n)).toHaveLength(0);
    const third = await issue(n);
    // An open challenge of the node does not count either way.
    expect(await answer(n, third, await wrongLanes(third))).toMatchObject({ failure: "wrong_lane" });
    const notes = await flagNotes(n);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.payload).toEqual({
      channel: "governance",
      fact: { kind: "node_challenges_failed", nodeId: n.id, failures: 3 },
    });
    const [flag] = await audits(n, "node.challenges_flagged");
    expect(flag).toMatchObject({ actorId: "system:challenge", subjectType: "node", payload: { failures: 3 } });
    expect(await flagNotes(other)).toHaveLength(0);
  });
});

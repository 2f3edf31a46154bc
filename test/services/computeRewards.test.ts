import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { registerNode } from "../../src/services/compute/registerNode.ts";
import type { Actor } from "../../src/services/deps.ts";
import { closeEpoch } from "../../src/services/epochs/closeEpoch.ts";
import { createWalletChallenge } from "../../src/services/wallets/createWalletChallenge.ts";
import { verifyWalletSignature } from "../../src/services/wallets/verifyWalletSignature.ts";
import { actor, serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const GUILD = "100000000000000001";
const HOUR = 3_600_000;
let database: Database;
let deps: TestServiceDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database, { now: new Date("2026-11-26T00:00:00Z") });
});
afterAll(() => database.close());

const KEYS = [
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
];
const H200 = { name: "NVIDIA H200", memoryMiB: 143771 };
const at = (h: number) => new Date(Date.UTC(2026, 10, 26, h));

async function provider(who: Actor, key: string) {
  const wallet = new Wallet(key);
  const challenge = await createWalletChallenge(deps, who, wallet.address);
  await verifyWalletSignature(deps, who, await wallet.signMessage(challenge.message));
  return wallet.address;
}

async function node(who: Actor, name: string, gpus: number, reported: number) {
  const n = await registerNode(deps, who, ["Provider"], {
    name,
    gpuModel: "H200",
    gpuCount: gpus,
    vramGb: 141,
    cpuCores: 8,
    ramGb: 64,
    region: "eu-west",
    price: "2",
    publicKey: Wallet.createRandom().address,
  });
  await deps.db.computeNode.update({
    where: { id: n.id },
    data: { reportedSpecs: { cpuCores: 8, ramGb: 64, os: "Linux", gpus: Array(reported).fill(H200) } },
  });
  await prove(n.id, deps.now());
  return n.id;
}

/** A capacity challenge the node passed at `when`: its declared capacity counts in the epoch holding that time. */
function prove(nodeId: number, when: Date) {
  return deps.db.nodeChallenge.create({
    data: {
      nodeId,
      seed: "0x01",
      sampleSeed: "0x02",
      lanes: 1,
      laneKib: 1,
      units: 1000,
      issuedAt: when,
      deadlineAt: when,
      nextDueAt: when,
      status: "passed",
    },
  });
}

describe("compute rewards at epoch close", () => {
  it("shares the budget by verified capacity × uptime, pays delivered lease hours, once, with refs", async () => {
    const pat = actor("900000000000000011", "pat");
    const quin = actor("900000000000000012", "quin");
    const rey = actor("900000000000000013", "rey");
    const patWallet = await provider(pat, KEYS[0] as string);
    const quinWallet = await provider(quin, KEYS[1] as string);
    // pat: 2 GPUs declared and reported, up 6 h; quin: 4 declared but 1 reported (flagged), up 12 h.
    const a = await node(pat, "a", 2, 2);
    const b = await node(quin, "b", 4, 1);
    await deps.db.nodeUptimeSpan.createMany({
      data: [
        { nodeId: a, startsAt: at(1), endsAt: at(4) },
        { nodeId: a, startsAt: at(6), endsAt: at(9) },
        { nodeId: b, startsAt: at(0), endsAt: at(12) },
      ],
    });
    // A lease on pat's node from 02:00 to 08:00 (1 GPU at 2 STEW per GPU-hour), ended; the node was up 4 h of it.
    const member = await deps.db.member.create({ data: { guildId: GUILD, discordId: rey.discordId, username: "rey" } });
    const request = await deps.db.computeRequest.create({
      data: {
        guildId: GUILD,
        requesterId: member.id,
        gpuCount: 1,
        hours: "6",
        maxPrice: "3000000000000000000",
        purpose: "train",
        matches: [],
        createdAt: at(2),
      },
    });
    const lease = await deps.db.lease.create({
      data: {
        guildId: GUILD,
        requestId: request.id,
        nodeId: a,
        requesterId: member.id,
        gpuCount: 1,
        hours: "6",
        price: "2000000000000000000",
        purpose: "train",
        status: "ended",
        createdAt: at(2),
        startsAt: at(2),
        endsAt: at(8),
        endedAt: at(8),
      },
    });
    deps.compute = { ...deps.compute, budget: 1_000n };
    deps.clock.now = at(13);

    const closed = await closeEpoch(deps, GUILD, "system:test");
    // Weights: a = 2 GPUs × 16 × 6 h; b = 1 verified GPU × 16 × 12 h: equal, 500 each.
    // Lease: 1 GPU × 4 h online × 2 STEW = 8 STEW.
    expect(closed.batch).toEqual(
      [
        { amount: (8n * 10n ** 18n + 500n).toString(), recipient: patWallet, refs: [`lease:${lease.id}`, `node:${a}`] },
        { amount: "500", recipient: quinWallet, refs: [`node:${b}`] },
      ].sort((x, y) => (x.recipient.toLowerCase() < y.recipient.toLowerCase() ? -1 : 1)),
    );
    const rewards = await deps.db.computeReward.findMany({ orderBy: { key: "asc" } });
    expect(rewards.map((r) => [r.key, r.amount.toString(), r.coveredMs?.toString(), r.weight])).toEqual([
      [`lease:${lease.id}`, (8n * 10n ** 18n).toString(), String(4 * HOUR), 1],
      [`uptime:${closed.epoch.id}:${a}`, "500", String(6 * HOUR), 32],
      [`uptime:${closed.epoch.id}:${b}`, "500", String(12 * HOUR), 16],
    ]);
    expect((await deps.db.lease.findUniqueOrThrow({ where: { id: lease.id } })).paidInEpochId).toBe(closed.epoch.id);
    expect(closed.compute).toMatchObject({ total: 8n * 10n ** 18n + 1_000n, uptimeRewards: 2, leaseRewards: 1 });
    // The audit log keeps each compute line of the close, the anchor names the epoch, and the proposal is queued.
    const audited = await deps.db.auditEvent.findFirstOrThrow({
      where: { action: "epoch.closed", subjectId: String(closed.epoch.id) },
    });
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
    expect((audited.payload as { compute: { key: string }[] }).compute.sort(byKey)).toEqual(
      rewards.map((r) => ({ key: r.key, amount: r.amount.toFixed() })),
    );
    const anchor = await deps.db.auditAnchor.findFirstOrThrow({ where: { epochId: closed.epoch.id } });
    expect(anchor.reason).toBe(`epoch ${closed.epoch.number} closed`);
    expect(await deps.db.pendingPost.count({ where: { kind: "proposal", subjectId: closed.proposal?.id ?? -1 } })).toBe(
      1,
    );

    // The next close pays neither the lease nor the same hours again; only new uptime counts.
    await deps.db.nodeUptimeSpan.create({ data: { nodeId: b, startsAt: at(14), endsAt: at(15) } });
    deps.clock.now = at(16);
    const next = await closeEpoch(deps, GUILD, "system:test");
    expect(next.batch).toEqual([{ amount: "1000", recipient: quinWallet, refs: [`node:${b}`] }]);
    expect(next.compute).toMatchObject({ leaseRewards: 0, uptimeRewards: 1 });
  });

  it("pays only this guild's nodes, to the active wallet, leaves out nodes whose share rounds to 0, and leases not delivered or not yet ended", async () => {
    const G2 = "100000000000000002";
    const ann: Actor = { guildId: G2, discordId: "900000000000000021", username: "ann" };
    const bob: Actor = { guildId: G2, discordId: "900000000000000022", username: "bob" };
    await provider(ann, Wallet.createRandom().privateKey);
    const annNow = await provider(ann, Wallet.createRandom().privateKey); // the first wallet is replaced
    await provider(bob, Wallet.createRandom().privateKey);
    const big = await node(ann, "big", 8, 8);
    // A node of the other guild, up in the same hours: never paid by this guild's close.
    const elsewhere = actor("900000000000000024", "eli");
    await provider(elsewhere, Wallet.createRandom().privateKey);
    const foreign = await node(elsewhere, "foreign", 1, 1);
    await deps.db.nodeUptimeSpan.createMany({
      data: [
        { nodeId: foreign, startsAt: at(20), endsAt: at(29) },
        { nodeId: foreign, startsAt: at(30), endsAt: at(32) },
      ],
    });
    const tiny = await node(bob, "tiny", 1, 1);
    deps.clock.now = at(30);
    await deps.db.nodeUptimeSpan.createMany({
      data: [
        { nodeId: big, startsAt: at(20), endsAt: at(29) },
        { nodeId: tiny, startsAt: at(28), endsAt: at(29) },
      ],
    });
    const member = await deps.db.member.create({
      data: { guildId: G2, discordId: "900000000000000023", username: "cy" },
    });
    const request = await deps.db.computeRequest.create({
      data: {
        guildId: G2,
        requesterId: member.id,
        gpuCount: 1,
        hours: "1",
        maxPrice: "1",
        purpose: "p",
        matches: [],
        createdAt: at(20),
      },
    });
    const lease = (nodeId: number, endedAt: Date) =>
      deps.db.lease.create({
        data: {
          guildId: G2,
          requestId: request.id,
          nodeId,
          requesterId: member.id,
          gpuCount: 1,
          hours: "1",
          price: "1000",
          purpose: "p",
          status: "ended",
          createdAt: at(20),
          startsAt: new Date(endedAt.getTime() - HOUR),
          endsAt: endedAt,
          endedAt,
        },
      });
    // Never online during its hour: nothing delivered, nothing paid, but settled with this close.
    const idle = await lease(big, at(19));
    // Ended after the close's moment (a concurrent end): waits for the next close.
    const late = await lease(tiny, at(31));
    // Budget of one unit: the 72:1 weights give it all to the big node; the tiny node's 0 makes no line.
    deps.compute = { ...deps.compute, budget: 1n };
    const closed = await closeEpoch(deps, G2, "system:test");
    expect(closed.batch).toEqual([{ amount: "1", recipient: annNow, refs: [`node:${big}`] }]);
    expect(await deps.db.computeReward.count({ where: { epochId: closed.epoch.id } })).toBe(1);
    expect((await deps.db.lease.findUniqueOrThrow({ where: { id: idle.id } })).paidInEpochId).toBe(closed.epoch.id);
    expect((await deps.db.lease.findUniqueOrThrow({ where: { id: late.id } })).paidInEpochId).toBeNull();

    // A budget of 10^21 units (1,000 tokens) splits in proportion; the late lease is paid now.
    await deps.db.nodeUptimeSpan.createMany({
      data: [
        { nodeId: big, startsAt: at(30), endsAt: at(31) },
        { nodeId: tiny, startsAt: at(30), endsAt: at(32) },
      ],
    });
    deps.clock.now = at(33);
    // Both nodes proved their capacity again in this epoch.
    await prove(big, at(31));
    await prove(tiny, at(31));
    deps.compute = { ...deps.compute, budget: 10n ** 21n };
    const next = await closeEpoch(deps, G2, "system:test");
    const byRecipient = Object.fromEntries(next.batch.map((l) => [l.recipient, l]));
    // Weights: big 8 GPUs × 16 × 1 h = 128; tiny 1 × 16 × 2 h = 32: 80 % and 20 %.
    expect(byRecipient[annNow]?.amount).toBe((8n * 10n ** 20n).toString());
    expect(Object.keys(byRecipient)).toHaveLength(2);
    const bobLine = next.batch.find((l) => l.recipient !== annNow);
    // The late lease ran 30:00–31:00 and the tiny node was up all of it: 1 GPU × 1 h × 1000 units.
    expect(bobLine).toEqual({
      amount: (2n * 10n ** 20n + 1000n).toString(),
      recipient: bobLine?.recipient,
      refs: [`lease:${late.id}`, `node:${tiny}`],
    });
  });
  it("gives a rejected distribution's leases and uptime back to the next epoch, exactly once, summing to the same", async () => {
    const G3 = "100000000000000003";
    const una: Actor = { guildId: G3, discordId: "900000000000000031", username: "una" };
    const unaWallet = await provider(una, Wallet.createRandom().privateKey);
    const n = await node(una, "solo", 1, 1);
    await deps.db.nodeUptimeSpan.create({ data: { nodeId: n, startsAt: at(40), endsAt: at(44) } });
    const member = await deps.db.member.create({
      data: { guildId: G3, discordId: "900000000000000032", username: "vi" },
    });
    const request = await deps.db.computeRequest.create({
      data: {
        guildId: G3,
        requesterId: member.id,
        gpuCount: 1,
        hours: "2",
        maxPrice: "5",
        purpose: "eval",
        matches: [],
        createdAt: at(40),
      },
    });
    const lease = await deps.db.lease.create({
      data: {
        guildId: G3,
        requestId: request.id,
        nodeId: n,
        requesterId: member.id,
        gpuCount: 1,
        hours: "2",
        price: "5",
        purpose: "eval",
        status: "ended",
        createdAt: at(40),
        startsAt: at(41),
        endsAt: at(43),
        endedAt: at(43),
      },
    });
    deps.compute = { ...deps.compute, budget: 600n };
    deps.clock.now = at(45);
    const first = await closeEpoch(deps, G3, "system:test");
    const owed = first.batch.reduce((sum, l) => sum + BigInt(l.amount), 0n);
    // Uptime 600 (the whole budget) and the lease: 1 GPU × 2 h × 5 units.
    expect(owed).toBe(610n);
    const proposal = first.proposal as NonNullable<typeof first.proposal>;
    // The members vote it down: everything it held goes back.
    const { releaseDistribution } = await import("../../src/services/epochs/releaseDistribution.ts");
    const released = await deps.db.$transaction((tx) => releaseDistribution(tx, proposal, "system:test", at(46)));
    expect(released).toMatchObject({ leases: 1, uptime: 1 });
    expect(await deps.db.computeReward.count({ where: { epochId: first.epoch.id, releasedAt: null } })).toBe(0);

    // The next epoch (no new uptime) pays the lease again and the window's uptime as a carry: the same sum, once.
    deps.clock.now = at(47);
    const second = await closeEpoch(deps, G3, "system:test");
    expect(second.batch).toEqual([
      {
        amount: "610",
        recipient: unaWallet,
        refs: [expect.stringMatching(/^carry:\d+$/), `lease:${lease.id}`, `node:${n}`],
      },
    ]);
    expect((await deps.db.lease.findUniqueOrThrow({ where: { id: lease.id } })).paidInEpochId).toBe(second.epoch.id);
    // And once only: a third close owes nothing.
    deps.clock.now = at(48);
    const third = await closeEpoch(deps, G3, "system:test");
    expect(third.batch).toEqual([]);
  });

  it("carries the uptime of a provider left without an active wallet until they link one, then pays it once", async () => {
    const G4 = "100000000000000004";
    const zed: Actor = { guildId: G4, discordId: "900000000000000041", username: "zed" };
    const yan: Actor = { guildId: G4, discordId: "900000000000000042", username: "yan" };
    await provider(zed, Wallet.createRandom().privateKey);
    const yanWallet = await provider(yan, Wallet.createRandom().privateKey);
    const z = await node(zed, "z", 1, 1);
    const y = await node(yan, "y", 1, 1);
    // zed's wallet is no longer active (an administrator removed it by hand): their node's hours still count.
    const zedMember = await deps.db.member.findFirstOrThrow({ where: { guildId: G4, discordId: zed.discordId } });
    await deps.db.wallet.updateMany({
      where: { memberId: zedMember.id },
      data: { activeFor: null, activeAddress: null },
    });
    await deps.db.nodeUptimeSpan.createMany({
      data: [
        { nodeId: z, startsAt: at(50), endsAt: at(52) },
        { nodeId: y, startsAt: at(50), endsAt: at(52) },
      ],
    });
    deps.compute = { ...deps.compute, budget: 1_000n };
    deps.clock.now = at(53);
    const first = await closeEpoch(deps, G4, "system:test");
    expect(first.batch).toEqual([{ amount: "500", recipient: yanWallet, refs: [`node:${y}`] }]);
    const carries = await deps.db.rewardCarry.findMany({ where: { guildId: G4 } });
    expect(carries.map((c) => [c.memberId, c.amount.toFixed(), c.paidInEpochId])).toEqual([
      [zedMember.id, "500", null],
    ]);
    const zedWallet = await provider(zed, Wallet.createRandom().privateKey);
    deps.clock.now = at(54);
    const second = await closeEpoch(deps, G4, "system:test");
    expect(second.batch).toEqual([{ amount: "500", recipient: zedWallet, refs: [`carry:${carries[0]?.id}`] }]);
  });
});

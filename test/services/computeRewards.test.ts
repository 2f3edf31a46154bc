import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { registerNode } from "../../src/services/compute/registerNode.ts";
import type { Actor, ServiceDeps } from "../../src/services/deps.ts";
import { closeEpoch } from "../../src/services/epochs/closeEpoch.ts";
import { createWalletChallenge } from "../../src/services/wallets/createWalletChallenge.ts";
import { verifyWalletSignature } from "../../src/services/wallets/verifyWalletSignature.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const GUILD = "100000000000000001";
const HOUR = 3_600_000;
let database: Database;
let deps: ServiceDeps & { clock: { now: Date } };
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
  return n.id;
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

    // The next close pays neither the lease nor the same hours again; only new uptime counts.
    await deps.db.nodeUptimeSpan.create({ data: { nodeId: b, startsAt: at(14), endsAt: at(15) } });
    deps.clock.now = at(16);
    const next = await closeEpoch(deps, GUILD, "system:test");
    expect(next.batch).toEqual([{ amount: "1000", recipient: quinWallet, refs: [`node:${b}`] }]);
    expect(next.compute.leaseRewards).toBe(0);
  });
});

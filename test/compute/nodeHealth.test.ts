import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { checkNodeHealth, nodeCameOnline } from "../../src/services/compute/nodeHealth.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import type { ComputeNotice } from "../../src/services/publishing/enqueuePosts.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const GUILD = "100000000000000001";
const NOW = new Date("2026-03-01T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

let database: Database;
let deps: ServiceDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { ...serviceDeps(database), now: () => NOW };
}, 60_000);
afterAll(async () => {
  await database?.close();
});

const notices = async () =>
  (await deps.db.pendingPost.findMany({ where: { kind: "compute" }, orderBy: { id: "asc" } })).map(
    (r) => r.payload as unknown as ComputeNotice,
  );

/** The network's clock queues facts for the compute channel (the Discord view words them), never markup. */
describe("node health", () => {
  it("queues a node going offline, a lease's end and a stranded lease as facts, and a node coming back", async () => {
    const member = (discordId: string, username: string) =>
      deps.db.member.create({ data: { guildId: GUILD, discordId, username } });
    const provider = await member("200000000000000001", "paula");
    const requester = await member("200000000000000002", "rita");
    const node = (name: string, status: "online" | "offline", lastHeartbeatAt: Date) =>
      deps.db.computeNode.create({
        data: {
          guildId: GUILD,
          providerId: provider.id,
          name,
          gpuModel: "H200",
          gpuCount: 1,
          vramGb: 141,
          cpuCores: 32,
          ramGb: 256,
          region: "eu-west",
          price: "1000",
          publicKey: `0x${name.padStart(40, "0")}`,
          status,
          registeredAt: hoursAgo(48),
          lastHeartbeatAt,
          heartbeats: 10,
          statusChangedAt: hoursAgo(48),
        },
      });
    const silent = await node("a", "online", hoursAgo(1));
    const gone = await node("b", "offline", hoursAgo(24));
    const request = await deps.db.computeRequest.create({
      data: {
        guildId: GUILD,
        requesterId: requester.id,
        gpuCount: 1,
        hours: "4",
        maxPrice: "5000",
        purpose: "training",
        matches: [],
        createdAt: hoursAgo(30),
      },
    });
    const lease = (nodeId: number, endsAt: Date) =>
      deps.db.lease.create({
        data: {
          guildId: GUILD,
          requestId: request.id,
          nodeId,
          requesterId: requester.id,
          gpuCount: 1,
          hours: "4",
          price: "1000",
          purpose: "training",
          status: "active",
          createdAt: hoursAgo(30),
          startsAt: hoursAgo(30),
          endsAt,
        },
      });
    const ended = await lease(silent.id, hoursAgo(0.5));
    const stranded = await lease(gone.id, new Date(NOW.getTime() + 2 * 3_600_000));

    expect(await checkNodeHealth(deps)).toEqual({ offline: 1, ended: 1, failovers: 1 });
    expect(await notices()).toEqual([
      {
        fact: { kind: "node_offline", nodeId: silent.id, name: "a", lastHeartbeatAt: hoursAgo(1).toISOString() },
      },
      {
        fact: {
          kind: "lease_ended",
          leaseId: ended.id,
          nodeId: silent.id,
          deliveredGpuHours: 0,
          agreedGpuHours: 4,
          amount: "0",
          providerId: provider.discordId,
          requesterId: requester.discordId,
        },
      },
      {
        fact: {
          kind: "lease_node_offline",
          leaseId: stranded.id,
          nodeId: gone.id,
          nodeName: "b",
          offlineSince: hoursAgo(24).toISOString(),
          requesterId: requester.discordId,
          providerId: provider.discordId,
          hoursLeft: 2,
          failover: null,
        },
      },
    ]);

    await deps.db.pendingPost.deleteMany({ where: { kind: "compute" } });
    await nodeCameOnline(deps, gone.id);
    expect(await notices()).toEqual([
      { fact: { kind: "node_online", nodeId: gone.id, name: "b", firstHeartbeat: false } },
    ]);
  });
});

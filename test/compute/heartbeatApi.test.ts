import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { startHttpServer } from "../../src/http/createHttpServer.ts";
import { createLogger } from "../../src/logger.ts";
import { HEARTBEAT_TYPES, heartbeatDomain, specsHash } from "../../src/services/compute/heartbeatTypedData.ts";
import { type ReportedSpecs, readShortfall } from "../../src/services/compute/reportedSpecs.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const GUILD = "100000000000000001";
const SPECS: ReportedSpecs = {
  cpuCores: 32,
  ramGb: 256,
  os: "Linux 6.8 x64",
  gpus: [{ name: "NVIDIA H200", uuid: "GPU-1", memoryMiB: 143771, driver: "580.159.04", computeCap: "9.0" }],
};

let database: Database;
let deps: ServiceDeps;
let http: Awaited<ReturnType<typeof startHttpServer>>;
const keys = { a: Wallet.createRandom(), b: Wallet.createRandom(), c: Wallet.createRandom(), d: Wallet.createRandom() };
// At most 10 requests per node and interval pass the rate limit: each test uses its own node.
const ids = { a: 0, b: 0, c: 0, d: 0, retired: 0 };

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { ...serviceDeps(database), now: () => new Date() };
  const member = await deps.db.member.create({
    data: { guildId: GUILD, discordId: "200000000000000001", username: "paula" },
  });
  const node = (name: string, key: string, status: "pending" | "retired" = "pending") =>
    deps.db.computeNode.create({
      data: {
        guildId: GUILD,
        providerId: member.id,
        name,
        gpuModel: "H200",
        gpuCount: 1,
        vramGb: 141,
        cpuCores: 32,
        ramGb: 256,
        region: "eu-west",
        price: "1000",
        publicKey: key,
        status,
        registeredAt: new Date(),
        statusChangedAt: new Date(),
      },
    });
  ids.a = (await node("a", keys.a.address)).id;
  ids.b = (await node("b", keys.b.address)).id;
  ids.c = (await node("c", keys.c.address)).id;
  ids.d = (await node("d", keys.d.address)).id;
  ids.retired = (await node("old", Wallet.createRandom().address, "retired")).id;
  http = await startHttpServer({ services: deps, logger: createLogger({ level: "silent" }) }, "127.0.0.1", 0);
}, 60_000);
afterAll(async () => {
  await http?.close();
  await database?.close();
});

let sequence = 1000;
async function signed(
  nodeId: number,
  key: Pick<Wallet, "signTypedData">,
  o: { sequence?: number; timestamp?: number; guild?: string; specs?: ReportedSpecs } = {},
) {
  const specs = o.specs ?? SPECS;
  const body = {
    timestamp: o.timestamp ?? Math.floor(Date.now() / 1000),
    sequence: o.sequence ?? ++sequence,
    utilization: 40,
    specs,
  };
  const signature = await key.signTypedData(heartbeatDomain(o.guild ?? GUILD), HEARTBEAT_TYPES, {
    node: nodeId,
    timestamp: body.timestamp,
    sequence: body.sequence,
    specs: specsHash(specs),
    utilization: body.utilization,
  });
  return { ...body, signature };
}

async function post(nodeId: number, body: unknown, raw?: string) {
  const res = await fetch(`${http.url}/api/nodes/${nodeId}/heartbeat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error?: string; message?: string; accepted?: boolean } };
}

const count = async (id: number) => (await deps.db.computeNode.findUniqueOrThrow({ where: { id } })).heartbeats;

describe("POST /api/nodes/:id/heartbeat", () => {
  it("accepts a heartbeat signed by the node's key: the node is online and its uptime span starts", async () => {
    const r = await post(ids.a, await signed(ids.a, keys.a));
    expect(r).toEqual({ status: 200, body: { accepted: true, node: ids.a, sequence, nextInMs: 60_000 } });
    const node = await deps.db.computeNode.findUniqueOrThrow({ where: { id: ids.a } });
    expect(node.status).toBe("online");
    expect(node.shortfall).toBeNull();
    expect(await deps.db.nodeUptimeSpan.count({ where: { nodeId: ids.a } })).toBe(1);
    // The next one extends the same span (within two intervals).
    expect((await post(ids.a, await signed(ids.a, keys.a))).status).toBe(200);
    expect(await deps.db.nodeUptimeSpan.count({ where: { nodeId: ids.a } })).toBe(1);
  });

  it("refuses each bad heartbeat with a 4xx and a JSON reason, and stores nothing", async () => {
    const before = await count(ids.c);
    const good = await signed(ids.c, keys.c);
    expect((await post(ids.c, good)).status).toBe(200);
    const stored = await count(ids.c);
    expect(stored).toBe(before + 1);

    const replay = await post(ids.c, good);
    expect(replay.status).toBe(409);
    expect(replay.body.error).toBe("stale_sequence");
    expect(replay.body.message).toBe(
      `Sequence ${good.sequence} is not above the last accepted one (${good.sequence}): a replayed heartbeat, or an agent whose counter went back.`,
    );
    expect((await post(ids.c, await signed(ids.c, keys.c, { sequence: good.sequence - 1 }))).body.error).toBe(
      "stale_sequence",
    );

    const other = await post(ids.c, await signed(ids.c, keys.b));
    expect(other.status).toBe(401);
    expect(other.body.error).toBe("wrong_key");
    expect(other.body.message).toContain(
      `signed by ${keys.b.address}, not by node #${ids.c}'s registered key ${keys.c.address}`,
    );
    // Node b's own heartbeat sent to node a's address: signed over another node id, so it recovers another key.
    expect((await post(ids.c, await signed(ids.b, keys.c))).body.error).toBe("wrong_key");
    // Signed for another server's domain.
    expect((await post(ids.c, await signed(ids.c, keys.c, { guild: "100000000000000009" }))).body.error).toBe(
      "wrong_key",
    );
    const garbage = await post(ids.c, { ...(await signed(ids.c, keys.c)), signature: `0x${"00".repeat(65)}` });
    expect(garbage).toEqual({
      status: 401,
      body: { error: "bad_signature", message: "The signature is not a valid secp256k1 signature." },
    });

    const now = Math.floor(Date.now() / 1000);
    const old = await post(ids.d, await signed(ids.d, keys.d, { timestamp: now - 300 }));
    expect(old.status).toBe(400);
    expect(old.body.message).toMatch(/^The heartbeat's timestamp is 3\d\d s behind Steward's clock; at most 120 s/);
    const future = await post(ids.d, await signed(ids.d, keys.d, { timestamp: now + 600 }));
    expect(future.body.message).toMatch(/is \d+ s ahead of Steward's clock/);

    const unknown = await post(99999, await signed(99999, keys.d));
    expect(unknown).toEqual({ status: 404, body: { error: "unknown_node", message: "There is no node #99999." } });
    const retired = await post(ids.retired, await signed(ids.retired, keys.d));
    expect(retired.status).toBe(410);
    expect(retired.body.error).toBe("node_retired");

    const malformed = await post(ids.d, null, '{"timestamp": 1,');
    expect(malformed).toEqual({
      status: 400,
      body: { error: "malformed_json", message: "The body is not valid JSON." },
    });
    const wrongType = await post(ids.d, { ...(await signed(ids.d, keys.d)), sequence: "12" });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error).toBe("invalid_body");
    expect(wrongType.body.message).toContain("sequence");
    const extra = await post(ids.d, { ...(await signed(ids.d, keys.d)), bonus: 1 });
    expect(extra.body.error).toBe("invalid_body");
    const huge = await post(ids.d, { ...(await signed(ids.d, keys.d)), pad: "x".repeat(20_000) });
    expect(huge).toEqual({
      status: 413,
      body: { error: "body_too_large", message: "The body is larger than 16384 bytes." },
    });
    const badId = await post(Number.NaN, await signed(1, keys.d));
    expect(badId.status).toBe(400);

    expect(await count(ids.c)).toBe(stored);
    expect(await count(ids.d)).toBe(0);
  });

  it("flags a node whose reported specs fall short of the declared ones", async () => {
    const r = await post(ids.b, await signed(ids.b, keys.b, { specs: { ...SPECS, gpus: [] } }));
    expect(r.status).toBe(200);
    const node = await deps.db.computeNode.findUniqueOrThrow({ where: { id: ids.b } });
    expect(readShortfall(node.shortfall as string)).toEqual([{ kind: "no_gpu", model: "H200", declared: 1 }]);
    // Announced to the compute channel as facts (the view words them in the guild's language), once the reply is sent.
    const notice = {
      fact: { kind: "node_shortfall", nodeId: ids.b, shortfall: [{ kind: "no_gpu", model: "H200", declared: 1 }] },
    };
    await vi.waitFor(async () =>
      expect(await deps.db.pendingPost.count({ where: { kind: "compute", payload: { equals: notice } } })).toBe(1),
    );
    await post(ids.b, await signed(ids.b, keys.b));
    expect((await deps.db.computeNode.findUniqueOrThrow({ where: { id: ids.b } })).shortfall).toBeNull();
  });

  it("rate-limits a flood from one node without slowing another node's heartbeats", async () => {
    const flood = await Promise.all(Array.from({ length: 15 }, async () => post(ids.a, await signed(ids.a, keys.a))));
    // At most 10 valid heartbeats a node per interval; one refused as a replay of another gives its slot back.
    const limited = flood.filter((r) => r.status === 429);
    expect(flood.filter((r) => r.status === 200).length).toBeLessThanOrEqual(10);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited[0]?.body.error).toBe("rate_limited");
    expect(limited[0]?.body.message).toMatch(/^Too many heartbeats for this node: at most 10 per 60 s/);
    const b = await post(ids.b, await signed(ids.b, keys.b));
    expect(b.status).toBe(200);
  });

  it("tells an agent its typed-data domain without revealing the guild id", async () => {
    const res = await fetch(`${http.url}/api/nodes/${ids.a}/heartbeat-domain`);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.domain).toEqual(heartbeatDomain(GUILD));
    expect(JSON.stringify(body)).not.toContain(GUILD);
    expect((await fetch(`${http.url}/api/nodes/${ids.retired}/heartbeat-domain`)).status).toBe(410);
    const missing = await fetch(`${http.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not_found", message: "There is no GET /nope here." });
  });

  it("counts every heartbeat answer in /metrics: accepted, and each refusal by its status", async () => {
    const text = await (await fetch(`${http.url}/metrics`)).text();
    const count = (outcome: string) =>
      Number(new RegExp(`^steward_heartbeats_total\\{outcome="${outcome}"\\} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
    const stored = await deps.db.computeNode.aggregate({ _sum: { heartbeats: true } });
    expect(count("accepted")).toBe(stored._sum.heartbeats);
    expect(count("refused_429")).toBeGreaterThanOrEqual(1);
    expect(count("refused_401")).toBeGreaterThan(0);
    expect(count("refused_400")).toBeGreaterThan(0);
  });
});

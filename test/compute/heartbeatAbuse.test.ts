import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { startHttpServer } from "../../src/http/createHttpServer.ts";
import {
  DOMAIN_REQUESTS_PER_MINUTE,
  HEARTBEATS_PER_NODE,
  REFUSALS_PER_ADDRESS,
} from "../../src/http/routes/heartbeatRoutes.ts";
import { createLogger } from "../../src/logger.ts";
import { HEARTBEAT_TYPES, heartbeatDomain, specsHash } from "../../src/services/compute/heartbeatTypedData.ts";
import type { ReportedSpecs } from "../../src/services/compute/reportedSpecs.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const GUILD = "100000000000000001";
// The documented allowances (docs/compute-providers.md), literal so that the loops below mean the same whatever the
// code exports.
const PER_NODE = 10;
const PER_ADDRESS = 30;
const DOMAIN_PER_MINUTE = 30;
const SPECS: ReportedSpecs = { cpuCores: 8, ramGb: 32, os: "Linux 6.8 x64", gpus: [] };

let database: Database;
let deps: ServiceDeps;
let http: Awaited<ReturnType<typeof startHttpServer>>;
const keys = { a: Wallet.createRandom(), b: Wallet.createRandom(), c: Wallet.createRandom() };
const ids = { a: 0, b: 0, c: 0 };

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { ...serviceDeps(database), now: () => new Date() };
  const member = await deps.db.member.create({
    data: { guildId: GUILD, discordId: "200000000000000001", username: "paula" },
  });
  for (const name of ["a", "b", "c"] as const) {
    const node = await deps.db.computeNode.create({
      data: {
        guildId: GUILD,
        providerId: member.id,
        name,
        gpuModel: "none",
        gpuCount: 0,
        vramGb: 0,
        cpuCores: 8,
        ramGb: 32,
        region: "eu-west",
        price: "1000",
        publicKey: keys[name].address,
        status: "pending",
        registeredAt: new Date(),
        statusChangedAt: new Date(),
      },
    });
    ids[name] = node.id;
  }
  // Behind a proxy on this machine, as TRUST_PROXY=127.0.0.1 says: X-Forwarded-For names each test's sender.
  http = await startHttpServer(
    { services: deps, logger: createLogger({ level: "silent" }), trustProxy: ["127.0.0.1"] },
    "127.0.0.1",
    0,
  );
}, 60_000);
afterAll(async () => {
  await http?.close();
  await database?.close();
});

let sequence = 1000;
async function signed(nodeId: number, key: Pick<Wallet, "signTypedData">, seq = ++sequence) {
  const body = { timestamp: Math.floor(Date.now() / 1000), sequence: seq, utilization: 10, specs: SPECS };
  const signature = await key.signTypedData(heartbeatDomain(GUILD), HEARTBEAT_TYPES, {
    node: nodeId,
    timestamp: body.timestamp,
    sequence: body.sequence,
    specs: specsHash(SPECS),
    utilization: body.utilization,
  });
  return { ...body, signature };
}

async function post(nodeId: number | string, body: unknown, from: string) {
  const res = await fetch(`${http.url}/api/nodes/${nodeId}/heartbeat`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error?: string; message?: string } };
}

describe("heartbeats from strangers", () => {
  it("has the documented allowances", () => {
    expect([HEARTBEATS_PER_NODE, REFUSALS_PER_ADDRESS, DOMAIN_REQUESTS_PER_MINUTE]).toEqual([
      PER_NODE,
      PER_ADDRESS,
      DOMAIN_PER_MINUTE,
    ]);
  });

  it("junk and replays sent from the node's own address never use up the node's allowance", async () => {
    const shared = "198.51.100.10";
    // Well over the node's own allowance of forged heartbeats (signed by another key) from the node's address…
    for (let n = 0; n < PER_NODE + 5; n++) {
      expect((await post(ids.a, await signed(ids.a, keys.b), shared)).body.error).toBe("wrong_key");
    }
    // …and of replays of one genuine heartbeat (signed by the node: verified, then refused as stale).
    const genuine = await signed(ids.a, keys.a);
    expect((await post(ids.a, genuine, shared)).status).toBe(200);
    for (let n = 0; n < PER_NODE; n++) {
      expect((await post(ids.a, genuine, shared)).body.error).toBe("stale_sequence");
    }
    // The node's next heartbeat, from the same address, is accepted.
    expect(await post(ids.a, await signed(ids.a, keys.a), shared)).toMatchObject({ status: 200 });
  });

  it("counts refusals against the sender's address: past its allowance, 429 with the reason, other senders unaffected", async () => {
    const flooder = "198.51.100.20";
    for (let n = 0; n < PER_ADDRESS; n++) {
      expect((await post(ids.b, await signed(ids.b, keys.c), flooder)).status).toBe(401);
    }
    const limited = await post(ids.b, await signed(ids.b, keys.c), flooder);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe("rate_limited");
    expect(limited.body.message).toMatch(
      new RegExp(
        `^Too many refused heartbeats from your address: at most ${PER_ADDRESS} per 60 s\\. Retry in \\d+ s\\. This one was refused because: The heartbeat was signed by ${keys.c.address}, not by node #${ids.b}'s registered key`,
      ),
    );
    // Unknown nodes and malformed bodies count too, and are refused alike.
    expect((await post(999_999, await signed(999_999, keys.c), flooder)).status).toBe(429);
    // The node's own heartbeat from the flooding address still counts: the address limit never silences it.
    expect((await post(ids.b, await signed(ids.b, keys.b), flooder)).status).toBe(200);
    // Another sender behind the same proxy has its own allowance.
    expect((await post(ids.b, await signed(ids.b, keys.c), "198.51.100.21")).status).toBe(401);
  });

  it("refuses node ids beyond the database's integers as unknown nodes, on both routes", async () => {
    const from = "198.51.100.30";
    for (const id of ["2147483648", "9999999999"]) {
      const beat = await post(id, await signed(1, keys.c), from);
      expect(beat).toEqual({ status: 404, body: { error: "unknown_node", message: `There is no node #${id}.` } });
      const domain = await fetch(`${http.url}/api/nodes/${id}/heartbeat-domain`, {
        headers: { "x-forwarded-for": from },
      });
      expect(domain.status).toBe(404);
      expect(await domain.json()).toEqual({ error: "unknown_node", message: `There is no node #${id}.` });
    }
    expect((await post("2147483647", await signed(2147483647, keys.c), from)).body.error).toBe("unknown_node");
  });

  it("limits how often one address asks for a heartbeat domain", async () => {
    const ask = (from: string) =>
      fetch(`${http.url}/api/nodes/${ids.c}/heartbeat-domain`, { headers: { "x-forwarded-for": from } });
    for (let n = 0; n < DOMAIN_PER_MINUTE; n++) expect((await ask("198.51.100.40")).status).toBe(200);
    const limited = await ask("198.51.100.40");
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: "rate_limited" });
    expect((await ask("198.51.100.41")).status).toBe(200);
  });
});

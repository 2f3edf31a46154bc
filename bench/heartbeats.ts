// Heartbeats verified and stored per second by Steward's HTTP API, and their latency, from 1,000 simulated nodes with
// their own keys. Steward runs in its own process (bench/heartbeatServer.ts) on a scratch managed PostgreSQL, or an
// external one with BENCH_DATABASE_URL; the heartbeats are signed before the clock starts (the agents' CPU is theirs).
// Afterwards it checks that every accepted heartbeat was counted exactly once.
// Usage: npm run bench:heartbeats -- [nodes=1000] [rounds=20] [concurrency=64]
import { fork } from "node:child_process";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { getBytes, TypedDataEncoder, verifyTypedData, Wallet } from "ethers";
import secp256k1 from "secp256k1";
import {
  HEARTBEAT_TYPES,
  heartbeatDigestBytes,
  heartbeatDomain,
  specsHash,
} from "../src/services/compute/heartbeatTypedData.ts";
import { recoverAddressLower } from "../src/services/compute/recoverSigner.ts";
import type { ReportedSpecs } from "../src/services/compute/reportedSpecs.ts";
import type { ServerMessage, ServerRequest } from "./heartbeatServer.ts";
import { quantile } from "./startBenchStack.ts";

const NODES = Number(process.argv[2] ?? 1000);
const ROUNDS = Number(process.argv[3] ?? 20);
const CONCURRENCY = Number(process.argv[4] ?? 64);
const GUILD = "100000000000000777";

const child = fork(fileURLToPath(new URL("./heartbeatServer.ts", import.meta.url)), [], {
  execArgv: ["--import", "tsx", ...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/hbprof"] : [])],
  env: process.env,
});
const next = <T extends ServerMessage["type"]>(type: T) =>
  new Promise<Extract<ServerMessage, { type: T }>>((resolve) => {
    const on = (m: ServerMessage) => {
      if (m.type === type) {
        child.off("message", on);
        resolve(m as Extract<ServerMessage, { type: T }>);
      }
    };
    child.on("message", on);
  });
const ask = (m: ServerRequest) => child.send(m);

const { url } = await next("ready");
const wallets = Array.from({ length: NODES }, () => Wallet.createRandom());
ask({ type: "nodes", guildId: GUILD, keys: wallets.map((w) => w.address) });
const { ids } = await next("nodes");

const specs: ReportedSpecs = {
  cpuCores: 8,
  ramGb: 64,
  os: "Linux 6.8 x64",
  gpus: [{ name: "NVIDIA H200", uuid: "GPU-1", memoryMiB: 143771, driver: "580.159.04", computeCap: "9.0" }],
};
const hash = specsHash(specs);
const domain = heartbeatDomain(GUILD);
const timestamp = Math.floor(Date.now() / 1000) + 20;
process.stdout.write(`signing ${NODES * ROUNDS} heartbeats of ${NODES} nodes…\n`);
// Round-major: a node's next heartbeat is NODES requests later, far more than are ever in flight, so each node's
// heartbeats arrive in sequence order, as from a real agent.
const bodies: { id: number; body: string }[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  for (const [i, wallet] of wallets.entries()) {
    const id = ids[i] as number;
    const message = { node: id, timestamp, sequence: round, specs: hash, utilization: 50 };
    const digest = getBytes(TypedDataEncoder.hash(domain, HEARTBEAT_TYPES, message));
    const { signature, recid } = secp256k1.ecdsaSign(digest, getBytes(wallet.privateKey));
    const sig = `0x${Buffer.from(signature).toString("hex")}${(27 + recid).toString(16)}`;
    bodies.push({ id, body: JSON.stringify({ timestamp, sequence: round, utilization: 50, specs, signature: sig }) });
  }
}

// The signature check alone, one core: ethers' pure-JS recovery against libsecp256k1 (what Steward uses).
{
  const sample = bodies
    .slice(0, 500)
    .map((b) => ({ id: b.id, ...(JSON.parse(b.body) as { signature: string; sequence: number; timestamp: number }) }));
  const time = (fn: () => void) => {
    const t = performance.now();
    fn();
    return sample.length / ((performance.now() - t) / 1000);
  };
  const message = (b: (typeof sample)[number]) => ({
    node: b.id,
    timestamp: b.timestamp,
    sequence: b.sequence,
    specs: hash,
    utilization: 50,
  });
  const viaEthers = time(() => {
    for (const b of sample) verifyTypedData(domain, HEARTBEAT_TYPES, message(b), b.signature);
  });
  const viaNative = time(() => {
    for (const b of sample) recoverAddressLower(heartbeatDigestBytes(GUILD, message(b)), b.signature);
  });
  process.stdout.write(
    `signature recovery on one core: ethers verifyTypedData ${viaEthers.toFixed(0)}/s, libsecp256k1 with the precomputed digest ${viaNative.toFixed(0)}/s (${(viaNative / viaEthers).toFixed(1)}×)\n`,
  );
}

// Plain node:http with kept-alive connections: the load generator should spend as little of the shared CPU as it can.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const target = new URL(url);
const post = (path: string, body: string) =>
  new Promise<number>((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path,
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
const latencies: number[] = [];
const statuses = new Map<number, number>();
let cursor = 0;
ask({ type: "start" });
const clientCpu = process.cpuUsage();
const started = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (cursor < bodies.length) {
      const item = bodies[cursor++] as (typeof bodies)[number];
      const t = performance.now();
      const status = await post(`/api/nodes/${item.id}/heartbeat`, item.body);
      latencies.push(performance.now() - t);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const client = process.cpuUsage(clientCpu);
ask({ type: "count" });
const counted = await next("count");
const accepted = statuses.get(200) ?? 0;
latencies.sort((a, b) => a - b);
process.stdout.write(
  `${process.env.BENCH_DATABASE_URL ? "external PostgreSQL" : "managed PostgreSQL"}, ${NODES} nodes × ${ROUNDS} heartbeats, ${CONCURRENCY} in flight (one run, this machine):\n` +
    `  ${(bodies.length / seconds).toFixed(0)} heartbeats/s verified and stored (target ≥ 1,700/s)\n` +
    `  Steward's CPU: ${(counted.cpuMicros / 1000 / bodies.length).toFixed(3)} ms per heartbeat (${(1_000_000 / (counted.cpuMicros / bodies.length)).toFixed(0)}/s per core)\n` +
    `  the load generator's CPU: ${((client.user + client.system) / 1000 / bodies.length).toFixed(3)} ms per heartbeat (PostgreSQL's is not counted)\n` +
    `  latency p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms\n` +
    `  responses: ${[...statuses].map(([s, n]) => `${n} × ${s}`).join(", ")}\n` +
    `  stored: ${counted.heartbeats} heartbeats counted for ${accepted} accepted (${counted.heartbeats === accepted ? "none lost or double-counted" : "MISMATCH"}), ${counted.spans} uptime spans\n`,
);
ask({ type: "stop" });
await next("stopped");
agent.destroy();

// Steward's HTTP API with its database, alone in a process (as in production, where node agents do not share its
// CPU), for bench/heartbeats.ts. Creates the bench's nodes on request, then serves heartbeats.
// Usage (by the bench only): tsx bench/heartbeatServer.ts — env BENCH_DATABASE_URL for an external PostgreSQL.
import { loadConfig } from "../src/config.ts";
import { createContainer } from "../src/container.ts";
import { openDatabase } from "../src/db/openDatabase.ts";
import { openScratchDatabase } from "../src/db/openScratchDatabase.ts";
import { startHttpServer } from "../src/http/createHttpServer.ts";
import { createLogger } from "../src/logger.ts";

export type ServerRequest =
  | { type: "nodes"; guildId: string; keys: string[] }
  | { type: "start" }
  | { type: "count" }
  | { type: "stop" };
export type ServerMessage =
  | { type: "ready"; url: string }
  | { type: "nodes"; ids: number[] }
  | { type: "count"; heartbeats: number; spans: number; cpuMicros: number }
  | { type: "stopped" };

const send = (m: ServerMessage) => process.send?.(m);
const config = loadConfig({ HEARTBEAT_INTERVAL: "2s", LOG_LEVEL: "warn", HTTP_PORT: "0", STEWARD_DATA_DIR: "memory" });
const logger = createLogger({ level: "warn", destination: process.stderr });
const url = process.env.BENCH_DATABASE_URL;
const database = url ? await openDatabase({ kind: "postgres", url }) : await openScratchDatabase();
const { services, close } = await createContainer(config, logger, { database });
const http = await startHttpServer({ services, logger }, "127.0.0.1", 0);
send({ type: "ready", url: http.url });
let cpuAtStart = 0;

process.on("message", async (m: ServerRequest) => {
  if (m.type === "start") {
    const { user, system } = process.cpuUsage();
    cpuAtStart = user + system;
  } else if (m.type === "nodes") {
    const member = await services.db.member.create({
      data: { guildId: m.guildId, discordId: "300000000000000001", username: "bench" },
    });
    const now = new Date();
    const created = await services.db.computeNode.createManyAndReturn({
      data: m.keys.map((publicKey, i) => ({
        guildId: m.guildId,
        providerId: member.id,
        name: `bench-${i}`,
        gpuModel: "H200",
        gpuCount: 1,
        vramGb: 141,
        cpuCores: 8,
        ramGb: 64,
        region: "eu-west",
        price: "1",
        publicKey,
        registeredAt: now,
        statusChangedAt: now,
      })),
      select: { id: true },
    });
    send({ type: "nodes", ids: created.map((n) => n.id) });
  } else if (m.type === "count") {
    const sum = await services.db.computeNode.aggregate({ _sum: { heartbeats: true } });
    const { user, system } = process.cpuUsage();
    send({
      type: "count",
      heartbeats: sum._sum.heartbeats ?? 0,
      spans: await services.db.nodeUptimeSpan.count(),
      cpuMicros: user + system - cpuAtStart,
    });
  } else {
    await http.close();
    await close();
    send({ type: "stopped" });
    process.exit(0);
  }
});

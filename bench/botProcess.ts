// The bot under measurement, in its own process as in production (Discord never shares the bot's CPU): Steward on a
// scratch managed PostgreSQL (or BENCH_DATABASE_URL), or a bare discord.js bot that answers every command "pong" and
// every button "noted". Started by startBenchStack with the sandbox's address; talks to the bench over IPC.
// Usage (by the bench only): tsx bench/botProcess.ts steward|bare  — env BENCH_API_URL, BENCH_TOKEN, BENCH_ENV (JSON)
import { Client, Events, GatewayIntentBits, MessageFlags } from "discord.js";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/openDatabase.ts";
import { openScratchDatabase } from "../src/db/openScratchDatabase.ts";
import { createLogger } from "../src/logger.ts";
import { startSteward } from "../src/startSteward.ts";

export type BotRequest =
  | { type: "count-votes"; proposalId: number }
  | { type: "count-evaluations" }
  | { type: "cpu" }
  | { type: "stop" };
export type BotMessage =
  | { type: "ready" }
  | { type: "votes"; count: number }
  | { type: "evaluations"; count: number; queuedPosts: number }
  | { type: "cpu"; micros: number }
  | { type: "stopped" };

const kind = process.argv[2];
const apiUrl = process.env.BENCH_API_URL ?? "";
const token = process.env.BENCH_TOKEN ?? "";
const send = (m: BotMessage) => process.send?.(m);
// The bot's CPU time (user + system) so far: steadier than throughput on a shared, noisy machine.
const cpu = (): BotMessage => {
  const { user, system } = process.cpuUsage();
  return { type: "cpu", micros: user + system };
};

if (kind === "steward") {
  const config = loadConfig({
    ...process.env,
    ...(JSON.parse(process.env.BENCH_ENV ?? "{}") as Record<string, string>),
    DISCORD_TOKEN: token,
    DISCORD_API_URL: apiUrl,
    DISCORD_GUILD_ID: process.env.BENCH_GUILD_ID ?? "",
    LOG_LEVEL: "warn",
    HTTP_PORT: "0",
    STEWARD_DATA_DIR: "memory",
  });
  const logger = createLogger({ level: "warn", destination: process.stderr });
  const url = process.env.BENCH_DATABASE_URL;
  const db = url ? await openDatabase({ kind: "postgres", url }) : await openScratchDatabase();
  const steward = await startSteward(config, logger, { database: db, scheduler: false });
  const count = (proposalId: number) => steward.container.services.db.vote.count({ where: { proposalId } });
  process.on("message", async (m: BotRequest) => {
    if (m.type === "cpu") send(cpu());
    else if (m.type === "count-votes") send({ type: "votes", count: await count(m.proposalId) });
    else if (m.type === "count-evaluations") {
      const db = steward.container.services.db;
      send({ type: "evaluations", count: await db.evaluation.count(), queuedPosts: await db.pendingPost.count() });
    } else {
      await steward.stop();
      send({ type: "stopped" });
      process.exit(0);
    }
  });
} else {
  const bare = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } });
  bare.on(Events.InteractionCreate, async (i) => {
    // An answer too late (the sandbox expired the interaction on a loaded machine) is a failure the bench counts from
    // the sandbox's side; it must not end the process.
    try {
      if (i.isChatInputCommand()) await i.reply({ content: "pong", flags: MessageFlags.Ephemeral });
      else if (i.isButton()) await i.reply({ content: "noted", flags: MessageFlags.Ephemeral });
    } catch {}
  });
  const ready = new Promise((r) => bare.once(Events.ClientReady, r));
  await bare.login(token);
  await ready;
  process.on("message", async (m: BotRequest) => {
    if (m.type === "cpu") return send(cpu());
    await bare.destroy();
    send({ type: "stopped" });
    process.exit(0);
  });
}
// An orphan would keep its database server running: leave with the bench.
process.on("disconnect", () => process.exit(0));
send({ type: "ready" });

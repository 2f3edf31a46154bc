// Fires N slash commands at Steward through the sandbox and prints ack latency p50/p99 and throughput, beside the
// same figures for a bare discord.js bot that replies "pong" on the same sandbox, in the same run, with the ratio.
// Usage: npm run bench:interactions -- [N=300] [concurrency=10]
import { Client, Events, GatewayIntentBits, MessageFlags, REST, Routes } from "discord.js";
import type { SandboxClient } from "../test/helpers/sandboxClient.ts";
import { quantile, startBenchStack } from "./startBenchStack.ts";

const N = Number(process.argv[2] ?? 300);
const CONCURRENCY = Number(process.argv[3] ?? 10);

interface Figures {
  p50: number;
  p99: number;
  perSecond: number;
  failures: number;
}

async function fire(
  client: SandboxClient,
  ackOf: (id: string) => number | undefined,
  user: string,
  command: string,
  options: Record<string, unknown>,
): Promise<Figures> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        next++;
        const result = await client.run(user, command, options);
        const ack = ackOf(result.interactionId);
        if (ack === undefined || result.responses.length === 0) failures++;
        else latencies.push(ack);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), perSecond: N / seconds, failures };
}

const { steward, sandbox, client, ackOf } = await startBenchStack();
await client.createUser("bench", ["Member"]);
await client.run("bench", "contribute submit", {
  title: "Bench item",
  category: "ops",
  description: "A contribution to show.",
});

// Warm both paths before measuring.
await fire(client, ackOf, "bench", "contribute show", { id: 1 });
const stewardFigures = await fire(client, ackOf, "bench", "contribute show", { id: 1 });
await steward.client.destroy();

// The bare bot: same sandbox, same token, one command that replies "pong".
const rest = new REST({ api: sandbox.apiUrl }).setToken(sandbox.token);
await rest.put(Routes.applicationGuildCommands(sandbox.applicationId, sandbox.guildId), {
  body: [{ name: "ping", description: "pong", type: 1 }],
});
const bare = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sandbox.apiUrl } });
bare.on(Events.InteractionCreate, async (i) => {
  if (i.isChatInputCommand()) await i.reply({ content: "pong", flags: MessageFlags.Ephemeral });
});
const ready = new Promise((r) => bare.once(Events.ClientReady, r));
await bare.login(sandbox.token);
await ready;
await fire(client, ackOf, "bench", "ping", {});
const bareFigures = await fire(client, ackOf, "bench", "ping", {});
await bare.destroy();

const row = (name: string, f: Figures) =>
  `${name.padEnd(34)} ${f.p50.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(8)} ${f.perSecond.toFixed(1).padStart(10)} ${String(f.failures).padStart(8)}`;
process.stdout.write(`interactions: N=${N}, concurrency=${CONCURRENCY}, one run, same sandbox\n`);
process.stdout.write(
  `${"".padEnd(34)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"per second".padStart(10)} ${"failed".padStart(8)}\n`,
);
process.stdout.write(`${row("steward /contribute show (DB read)", stewardFigures)}\n`);
process.stdout.write(`${row("bare discord.js /ping", bareFigures)}\n`);
process.stdout.write(
  `ratio steward/bare: p50 ${(stewardFigures.p50 / bareFigures.p50).toFixed(2)}x, p99 ${(stewardFigures.p99 / bareFigures.p99).toFixed(2)}x, throughput ${(stewardFigures.perSecond / bareFigures.perSecond).toFixed(2)}x\n`,
);
await sandbox.close();
await steward.container.close();
process.exit(0);

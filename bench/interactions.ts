// Fires N slash commands at Steward through the sandbox and prints ack latency p50/p99 and throughput, beside the
// same figures for a bare discord.js bot that replies "pong" to the same command on the same sandbox, in the same run,
// with the ratio. Each bot runs in its own process (as against Discord, which never shares the bot's CPU); the
// sandbox and the load generator run here.
// Usage: [RUNS=5] npm run bench:interactions -- [N=300] [concurrency=10]
import type { SandboxClient } from "../test/helpers/sandboxClient.ts";
import { type BenchBot, median, quantile, startBenchStack } from "./startBenchStack.ts";

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

const RUNS = Number(process.env.RUNS ?? 5);
const { sandbox, client, ackOf, startBot } = await startBenchStack();
await client.createUser("bench", ["Member"]);

/** Warms the bot, then measures it: latency and throughput from the sandbox, CPU time from the bot's process. */
async function measure(bot: BenchBot) {
  await fire(client, ackOf, "bench", "contribute show", { id: 1 });
  const before = await bot.cpuMs();
  const figures = await fire(client, ackOf, "bench", "contribute show", { id: 1 });
  const cpuMs = ((await bot.cpuMs()) - before) / N;
  await bot.stop();
  return { ...figures, cpuMs };
}

const row = (name: string, f: Figures & { cpuMs: number }) =>
  `${name.padEnd(34)} ${f.p50.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(8)} ${f.perSecond.toFixed(1).padStart(10)} ${f.cpuMs.toFixed(2).padStart(12)} ${String(f.failures).padStart(8)}`;
const header = `${"".padEnd(34)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"per second".padStart(10)} ${"CPU ms/each".padStart(12)} ${"failed".padStart(8)}\n`;
process.stdout.write(
  `interactions: N=${N}, concurrency=${CONCURRENCY}, ${RUNS} runs, same sandbox; each bot in its own process\n`,
);

// The machine is shared and noisy: each run measures Steward and the bare bot back to back, and the ratios of the
// runs' medians are what is compared (issue 21 §7: five runs, median ratio).
const ratios: { p50: number; p99: number; throughput: number; cpu: number }[] = [];
for (let run = 1; run <= RUNS; run++) {
  // Each Steward starts on its own scratch database: the contribution to show is submitted in every run.
  const steward = await startBot("steward");
  await client.run("bench", "contribute submit", {
    title: "Bench item",
    category: "ops",
    description: "A contribution to show.",
  });
  const stewardFigures = await measure(steward);
  // The bare bot: same sandbox, same token, same command; it replies "pong".
  const bareFigures = await measure(await startBot("bare"));
  const r = {
    p50: stewardFigures.p50 / bareFigures.p50,
    p99: stewardFigures.p99 / bareFigures.p99,
    throughput: stewardFigures.perSecond / bareFigures.perSecond,
    cpu: stewardFigures.cpuMs / bareFigures.cpuMs,
  };
  ratios.push(r);
  process.stdout.write(`\nrun ${run}/${RUNS}\n${header}`);
  process.stdout.write(`${row("steward /contribute show (DB read)", stewardFigures)}\n`);
  process.stdout.write(`${row("bare discord.js, same command", bareFigures)}\n`);
  process.stdout.write(
    `ratio steward/bare: p50 ${r.p50.toFixed(2)}x, p99 ${r.p99.toFixed(2)}x, throughput ${r.throughput.toFixed(2)}x, bot CPU per interaction ${r.cpu.toFixed(2)}x\n`,
  );
}
const m = (pick: (r: (typeof ratios)[number]) => number) => median(ratios.map(pick)).toFixed(2);
process.stdout.write(
  `\nmedian of ${RUNS} runs, steward/bare: p50 ${m((r) => r.p50)}x, p99 ${m((r) => r.p99)}x (target <= 2), throughput ${m((r) => r.throughput)}x (target >= 0.7), bot CPU per interaction ${m((r) => r.cpu)}x\n`,
);
await sandbox.close();
process.exit(0);

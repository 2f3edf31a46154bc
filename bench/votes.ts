// Two measurements of voting, in one run (these machines are noisy: compare the ratios, not the absolute numbers):
// 1. tally time for 100k votes of each Snapshot voting type (src/services/votes/tally.ts), relative to single choice;
// 2. ack latency p50/p99 of ballot buttons clicked at a steady 200 votes/s through the sandbox (real discord.js bot,
//    the managed PostgreSQL by default, an external PostgreSQL with BENCH_DATABASE_URL), beside the same click rate on a bare button bot;
//    each bot in its own process, the sandbox and the clicks here.
// Usage: [RUNS=5] npm run bench:votes -- [votes=100000] [seconds=5] [rate=200]
import { type Choice, tally, VOTING_TYPES, type VotingType } from "../src/services/votes/tally.ts";
import { componentId, proposalPost } from "../test/helpers/governance.ts";
import { finalResponse } from "../test/helpers/sandboxClient.ts";
import { median, quantile, startBenchStack } from "./startBenchStack.ts";

const VOTES = Number(process.argv[2] ?? 100_000);
const SECONDS = Number(process.argv[3] ?? 5);
const RATE = Number(process.argv[4] ?? 200);
const CHOICES = 5;

// ---- 1. tallies -------------------------------------------------------------------------------------------------
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = () => 1 + Math.floor(random() * CHOICES);
function ballot(type: VotingType): Choice {
  switch (type) {
    case "basic":
      return 1 + Math.floor(random() * 3);
    case "single_choice":
      return pick();
    case "approval":
      return [...new Set([pick(), pick()])];
    case "ranked_choice":
      return [1, 2, 3, 4, 5].sort(() => random() - 0.5);
    default:
      return { [String(pick())]: 1 + Math.floor(random() * 10), [String(pick())]: 1 + Math.floor(random() * 10) };
  }
}
const tallyRows: { type: VotingType; ms: number }[] = [];
for (const type of VOTING_TYPES) {
  const votes = Array.from({ length: VOTES }, () => ({
    choice: ballot(type),
    balance: 1 + Math.floor(random() * 100),
  }));
  const count = type === "basic" ? 3 : CHOICES;
  tally(type, count, votes); // warm-up
  const start = performance.now();
  tally(type, count, votes);
  tallyRows.push({ type, ms: performance.now() - start });
}
const base = tallyRows.find((r) => r.type === "single_choice")?.ms ?? 1;
process.stdout.write(`tally of ${VOTES} votes (${CHOICES} choices; basic 3), one run:\n`);
for (const r of tallyRows) {
  process.stdout.write(
    `  ${r.type.padEnd(14)} ${r.ms.toFixed(1).padStart(8)} ms   ${(r.ms / base).toFixed(2).padStart(6)}x single choice\n`,
  );
}

// ---- 2. ballot buttons at a steady rate ---------------------------------------------------------------------------
const RUNS = Number(process.env.RUNS ?? 5);
const { sandbox, client, ackOf, startBot } = await startBenchStack();
const voters = Array.from({ length: 200 }, (_, i) => `voter${i}`);
for (const v of voters) await client.createUser(v, ["Member"]);
await client.createUser("chair", ["Member", "Moderator"]);

/** A Steward on its own scratch database, with an open proposal posted: its ballot's message and button ids. */
async function stewardWithBallot() {
  const steward = await startBot("steward", { QUORUM: "1", VOTE_TALLY_DEBOUNCE: "2s" });
  const drafted = finalResponse(await client.run("chair", "propose", { idea: "Benchmark the ballot." }));
  const submitted = finalResponse(
    await client.click("chair", drafted.messageId as string, componentId(drafted, "Submit")),
  );
  const proposalId = Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);
  await client.run("chair", "proposal open", { proposal: proposalId, period: "1h" });
  const post = await proposalPost(client, proposalId);
  const buttons = ["For", "Against", "Abstain"].map((l) => componentId(post, l));
  return { steward, proposalId, postId: post.id, buttons };
}

async function steady(click: (i: number) => Promise<string>) {
  const total = RATE * SECONDS;
  const latencies: number[] = [];
  const answers: number[] = [];
  let failures = 0;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    inFlight.push(
      click(i).then(
        (id) => {
          const ack = ackOf(id);
          if (ack === undefined) failures++;
          else {
            latencies.push(ack);
            answers.push(performance.now() - sent);
          }
        },
        () => {
          failures++;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  answers.sort((a, b) => a - b);
  return {
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    answerP50: quantile(answers, 0.5),
    answerP99: quantile(answers, 0.99),
    failures,
    total,
  };
}

const row = (name: string, f: Awaited<ReturnType<typeof steady>>, cpuMs: number) =>
  `  ${name.padEnd(36)} ${f.p50.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(8)} ${f.answerP50.toFixed(1).padStart(10)} ${f.answerP99.toFixed(1).padStart(10)} ${cpuMs.toFixed(2).padStart(11)} ${String(f.failures).padStart(7)}`;
process.stdout.write(
  `\nballot clicks at ${RATE}/s for ${SECONDS}s (${RATE * SECONDS} clicks, 200 voters), database ${process.env.BENCH_DATABASE_URL ? "external PostgreSQL" : "managed PostgreSQL"}, ${RUNS} runs:\n`,
);
// The machine is shared and noisy: each run measures Steward and the bare bot back to back on the same ballot
// message, and the ratios' medians over the runs are what is compared (issue 21 §7: five runs, median ratio).
const ratios: { p50: number; p99: number; cpu: number }[] = [];
for (let run = 1; run <= RUNS; run++) {
  const { steward, proposalId, postId, buttons } = await stewardWithBallot();
  const voteClick = async (i: number) =>
    (await client.click(voters[i % voters.length] as string, postId, buttons[i % 3] as string)).interactionId;
  await steady(voteClick); // warm-up (also fills every voter's row; the measured run changes votes)
  let cpuBefore = await steward.cpuMs();
  const stewardFigures = await steady(voteClick);
  const stewardCpu = ((await steward.cpuMs()) - cpuBefore) / (RATE * SECONDS);
  const stored = await steward.countVotes(proposalId);
  await steward.stop();

  // The bare bot on the same sandbox, clicking the same message's buttons: replies privately, stores nothing.
  const bare = await startBot("bare");
  await steady(voteClick);
  cpuBefore = await bare.cpuMs();
  const bareFigures = await steady(voteClick);
  const bareCpu = ((await bare.cpuMs()) - cpuBefore) / (RATE * SECONDS);
  await bare.stop();

  const r = {
    p50: stewardFigures.p50 / bareFigures.p50,
    p99: stewardFigures.p99 / bareFigures.p99,
    cpu: stewardCpu / bareCpu,
  };
  ratios.push(r);
  process.stdout.write(
    `\n  run ${run}/${RUNS}\n  ${"".padEnd(36)} ${"ack p50".padStart(8)} ${"ack p99".padStart(8)} ${"answer p50".padStart(10)} ${"answer p99".padStart(10)} ${"CPU ms/each".padStart(11)} ${"failed".padStart(7)}\n`,
  );
  process.stdout.write(`${row("steward vote (tx + audit + reply)", stewardFigures, stewardCpu)}\n`);
  process.stdout.write(`${row("bare discord.js button reply", bareFigures, bareCpu)}\n`);
  process.stdout.write(
    `  ratio steward/bare (ack): p50 ${r.p50.toFixed(2)}x, p99 ${r.p99.toFixed(2)}x, bot CPU per click ${r.cpu.toFixed(2)}x; votes stored: ${stored} (one per voter)\n`,
  );
}
const m = (pick: (r: (typeof ratios)[number]) => number) => median(ratios.map(pick)).toFixed(2);
process.stdout.write(
  `\nmedian of ${RUNS} runs, steward/bare (ack): p50 ${m((r) => r.p50)}x, p99 ${m((r) => r.p99)}x (target <= 3), bot CPU per click ${m((r) => r.cpu)}x\n`,
);
await sandbox.close();
process.exit(0);

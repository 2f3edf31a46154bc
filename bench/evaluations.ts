// Evaluations per minute through the evaluate job against a local OpenAI-compatible server with a fixed 500 ms
// latency per call, at concurrency 1, 4 and 16 (`rounds` × concurrency contributions each, beside the bound
// concurrency × 60 s / 500 ms); the offline rubric evaluator's own throughput; the history axis: the rubric
// evaluator through the job with 1,000, 10,000 and 100,000 earlier contributions in the guild (bench/historyAxis.ts);
// and end to end through the sandbox (a burst of submissions → stored evaluations, with Steward in its own process
// and Discord's rate limits on), beside the rubric's own rate; one run.
// Usage: npm run bench:evaluations -- [rounds = 10] [burst end to end = 500] [history sizes = 1000,10000,100000]
//   [history batch = 200] (a burst or history batch of 0 leaves that part out)

import { openScratchDatabase } from "../src/db/openScratchDatabase.ts";
import { createLlmEvaluator } from "../src/llm/llmEvaluator.ts";
import { defaultRubric } from "../src/llm/rubric.ts";
import { rubricDraft } from "../src/llm/rubricEvaluator.ts";
import { createLogger } from "../src/logger.ts";
import { submitContribution } from "../src/services/contributions/submitContribution.ts";
import { runEvaluations } from "../src/services/evaluations/runEvaluations.ts";
import { actor, serviceDeps } from "../test/helpers/serviceDeps.ts";
import { type HistoryPoint, historyAxis } from "./historyAxis.ts";
import { corpus } from "./historyCorpus.ts";
import { startModelServerProcess } from "./modelServerProcess.ts";
import { startBenchStack } from "./startBenchStack.ts";

const ROUNDS = Number(process.argv[2] ?? 10);
const BURST = Number(process.argv[3] ?? 500);
const HISTORY = (process.argv[4] ?? "1000,10000,100000").split(",").map(Number);
const HISTORY_BATCH = Number(process.argv[5] ?? 200);
const LATENCY_MS = 500;
const logger = createLogger({ level: "warn", destination: process.stderr });
const server = await startModelServerProcess(LATENCY_MS);
const database = await openScratchDatabase();

const rows: string[] = [];
const texts = corpus(16);
let seq = 0;
for (const concurrency of [1, 4, 16]) {
  const deps = serviceDeps(
    database,
    { now: new Date() },
    {
      concurrency,
      llm: createLlmEvaluator(
        { apiKey: undefined, baseUrl: server.baseUrl, model: "bench", timeoutMs: 10_000, retries: 0, retryBaseMs: 10 },
        defaultRubric,
      ),
    },
  );
  deps.now = () => new Date();
  const n = ROUNDS * concurrency;
  for (let i = 0; i < n; i++) {
    seq++;
    // Varied work (bench/historyCorpus.ts): copies of one template would all be near-duplicates of each other, and
    // every evaluation would compare 300 of them, which is not what a model call costs.
    await submitContribution(deps, actor(String(500000000000000000n + BigInt(seq))), {
      ...texts.fresh(),
      links: [`https://github.com/dao/repo/pull/${seq}`],
    });
  }
  const started = performance.now();
  const { evaluated, failed } = await runEvaluations(deps, logger);
  const minutes = (performance.now() - started) / 60_000;
  const bound = (concurrency * 60_000) / LATENCY_MS;
  rows.push(
    `llm, concurrency ${String(concurrency).padStart(2)}: ${(evaluated / minutes).toFixed(0).padStart(6)} evaluations/min (${evaluated} ok, ${failed} failed; ${((100 * evaluated) / minutes / bound).toFixed(1)} % of the bound ${bound}/min)`,
  );
}

const input = {
  title: "Fix docs",
  description: "Rewrote the quick start guide.\n- new steps\n- troubleshooting".repeat(10),
  category: "docs",
  links: ["https://github.com/d/s/pull/1"],
  hours: 2,
  earlier: Array.from({ length: 300 }, (_, i) => ({
    id: i,
    text: `Earlier work ${i}: refactor module ${i} and add tests`,
    sameAuthor: false,
  })),
  authorTrackRecord: 3,
};
const rubricStart = performance.now();
let drafts = 0;
while (performance.now() - rubricStart < 2000) {
  rubricDraft(input, defaultRubric);
  drafts++;
}
const rubricPerMinute = drafts / ((performance.now() - rubricStart) / 60_000);

const perMinute = (line: string) => Number(/(\d+) evaluations/.exec(line)?.[1]);
process.stdout.write(
  `evaluations: ${ROUNDS} × concurrency contributions per run, ${LATENCY_MS} ms per model call, one run\n`,
);
for (const r of rows) process.stdout.write(`${r}\n`);
process.stdout.write(
  `rubric evaluator (300 earlier submissions to compare): ${rubricPerMinute.toFixed(0)} evaluations/min\n`,
);

if (HISTORY_BATCH > 0) {
  // The history axis, in a database of its own.
  const historyDatabase = await openScratchDatabase();
  const history = await historyAxis(historyDatabase, HISTORY, HISTORY_BATCH);
  await historyDatabase.close();
  const cell = (s: string) => s.padStart(14);
  const rate = (x: { flagged: number; of: number }) => `${x.flagged}/${x.of}`;
  process.stdout.write(
    `rubric evaluator through the job with the guild's history (${HISTORY_BATCH} new contributions each, concurrency ${serviceDeps(database).evaluation.concurrency}):\n`,
  );
  const table: [string, (p: HistoryPoint) => string][] = [
    ["earlier contributions", (p) => p.earlier.toLocaleString("en")],
    ["evaluations/min", (p) => p.perMinute.toFixed(0)],
    ["failed", (p) => String(p.failed)],
    ["compared per eval", (p) => p.candidates.toFixed(2)],
    ["copies flagged", (p) => rate(p.copies)],
    ["edits flagged", (p) => rate(p.edits)],
    ["shared links flagged", (p) => rate(p.sharedLinks)],
  ];
  for (const [label, f] of table)
    process.stdout.write(`  ${label.padEnd(22)}${history.points.map(f).map(cell).join("")}\n`);
  const first = history.points[0];
  const last = history.points.at(-1);
  if (first && last)
    process.stdout.write(
      `ratio: ${last.earlier.toLocaleString("en")} earlier / ${first.earlier.toLocaleString("en")} = ${(last.perMinute / first.perMinute).toFixed(2)}x (target ≥ 0.5x, and ≥ 1,000/min at 100,000)\n`,
    );
  for (const s of history.seedRates)
    process.stdout.write(`seeding, ${s.how}: ${s.perSecond.toFixed(0)} rows/s (${s.rows.toLocaleString("en")} rows)\n`);
}

if (BURST > 0) {
  // End to end: submissions through the sandbox as people make them (25 at once), Steward with the rubric evaluator.
  const stack = await startBenchStack();
  const steward = await stack.startBot("steward");
  const authors = Array.from({ length: 20 }, (_, i) => `author${i}`);
  for (const a of authors) await stack.client.createUser(a, ["Member"]);
  const burstStart = performance.now();
  let nextItem = 0;
  await Promise.all(
    Array.from({ length: 25 }, async () => {
      for (let i = nextItem++; i < BURST; i = nextItem++) {
        await stack.client.run(authors[i % authors.length] as string, "contribute submit", {
          title: `Burst item ${i}`,
          category: "docs",
          description: `Wrote page ${i} of the handbook, with examples.`,
        });
      }
    }),
  );
  const submitted = performance.now();
  let stored = await steward.countEvaluations();
  while (stored.count < BURST) {
    await new Promise((r) => setTimeout(r, 100));
    stored = await steward.countEvaluations();
  }
  const evaluatedAt = performance.now();
  const queuedThen = stored.queuedPosts;
  while ((await steward.countEvaluations()).queuedPosts > 0) await new Promise((r) => setTimeout(r, 250));
  const postedAt = performance.now();
  await steward.stop();
  await stack.sandbox.close();
  const endToEnd = BURST / ((evaluatedAt - burstStart) / 60_000);
  process.stdout.write(
    `end to end through the sandbox, rubric (${BURST} submissions, 25 at a time): ${endToEnd.toFixed(0)} evaluations/min (submitted in ${((submitted - burstStart) / 1000).toFixed(1)} s, all stored ${((evaluatedAt - submitted) / 1000).toFixed(1)} s after the last; ${queuedThen} posts then queued, drained at Discord's pace ${((postedAt - evaluatedAt) / 1000).toFixed(1)} s later)\n`,
  );
  process.stdout.write(`ratio: end to end / rubric alone = ${(endToEnd / rubricPerMinute).toFixed(2)}x\n`);
}

const [c1, c4, c16] = rows.map(perMinute);
process.stdout.write(
  `ratio: concurrency 4 / 1 = ${((c4 ?? 0) / (c1 ?? 1)).toFixed(2)}x, 16 / 1 = ${((c16 ?? 0) / (c1 ?? 1)).toFixed(2)}x (ideal 4x and 16x)\n`,
);
server.close();
await database.close();
process.exit(0);

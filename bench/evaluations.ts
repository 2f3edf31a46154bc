// Evaluations per minute through the evaluate job against a local OpenAI-compatible server with a fixed 500 ms
// latency per call, at concurrency 1, 4 and 16; the offline rubric evaluator's own throughput; and end to end
// through the sandbox (a burst of submissions → stored evaluations, with Steward in its own process and Discord's
// rate limits on), beside the rubric's own rate; one run.
// Usage: npm run bench:evaluations -- [contributions per run = 32] [burst end to end = 500]

import { openScratchDatabase } from "../src/db/openScratchDatabase.ts";
import { createLlmEvaluator } from "../src/llm/llmEvaluator.ts";
import { defaultRubric } from "../src/llm/rubric.ts";
import { rubricDraft } from "../src/llm/rubricEvaluator.ts";
import { createLogger } from "../src/logger.ts";
import { submitContribution } from "../src/services/contributions/submitContribution.ts";
import { runEvaluations } from "../src/services/evaluations/runEvaluations.ts";
import { evaluationJson, startLocalOpenAI } from "../test/helpers/localOpenAI.ts";
import { actor, serviceDeps } from "../test/helpers/serviceDeps.ts";
import { startBenchStack } from "./startBenchStack.ts";

const N = Number(process.argv[2] ?? 32);
const BURST = Number(process.argv[3] ?? 500);
const LATENCY_MS = 500;
const logger = createLogger({ level: "warn", destination: process.stderr });
const server = await startLocalOpenAI(() => ({ content: evaluationJson(), delayMs: LATENCY_MS }));
const database = await openScratchDatabase();

const rows: string[] = [];
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
  for (let i = 0; i < N; i++) {
    seq++;
    await submitContribution(deps, actor(String(500000000000000000n + BigInt(seq))), {
      title: `Bench contribution ${seq}`,
      description: `Work item ${seq}: fixed a bug and wrote a test for it.`,
      category: "code",
      links: [`https://github.com/dao/repo/pull/${seq}`],
      hours: 2,
    });
  }
  const started = performance.now();
  const { evaluated, failed } = await runEvaluations(deps, logger);
  const minutes = (performance.now() - started) / 60_000;
  rows.push(
    `llm, concurrency ${String(concurrency).padStart(2)}: ${(evaluated / minutes).toFixed(0).padStart(6)} evaluations/min (${evaluated} ok, ${failed} failed)`,
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
process.stdout.write(`evaluations: ${N} contributions per run, ${LATENCY_MS} ms per model call, one run\n`);
for (const r of rows) process.stdout.write(`${r}\n`);
process.stdout.write(
  `rubric evaluator (300 earlier submissions to compare): ${rubricPerMinute.toFixed(0)} evaluations/min\n`,
);

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

const [c1, c4, c16] = rows.map(perMinute);
process.stdout.write(
  `ratio: concurrency 4 / 1 = ${((c4 ?? 0) / (c1 ?? 1)).toFixed(2)}x, 16 / 1 = ${((c16 ?? 0) / (c1 ?? 1)).toFixed(2)}x (ideal 4x and 16x)\n`,
);
await server.close();
await database.close();
process.exit(0);

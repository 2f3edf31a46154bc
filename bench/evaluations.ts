// Evaluations per minute through the evaluate job against a local OpenAI-compatible server with a fixed 500 ms
// latency per call, at concurrency 1, 4 and 16, and the offline rubric evaluator's throughput; one run.
// Usage: npm run bench:evaluations -- [contributions per run = 32]

import { openScratchDatabase } from "../src/db/openScratchDatabase.ts";
import { createLlmEvaluator } from "../src/llm/llmEvaluator.ts";
import { defaultRubric } from "../src/llm/rubric.ts";
import { rubricDraft } from "../src/llm/rubricEvaluator.ts";
import { createLogger } from "../src/logger.ts";
import { submitContribution } from "../src/services/contributions/submitContribution.ts";
import { runEvaluations } from "../src/services/evaluations/runEvaluations.ts";
import { evaluationJson, startLocalOpenAI } from "../test/helpers/localOpenAI.ts";
import { actor, serviceDeps } from "../test/helpers/serviceDeps.ts";

const N = Number(process.argv[2] ?? 32);
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
const [c1, c4, c16] = rows.map(perMinute);
process.stdout.write(
  `ratio: concurrency 4 / 1 = ${((c4 ?? 0) / (c1 ?? 1)).toFixed(2)}x, 16 / 1 = ${((c16 ?? 0) / (c1 ?? 1)).toFixed(2)}x (ideal 4x and 16x)\n`,
);
await server.close();
await database.close();
process.exit(0);

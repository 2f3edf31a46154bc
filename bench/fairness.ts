// The fairness report: every contribution of the fairness corpus (test/fixtures/fairness/corpus.json), the same work
// in English, Chinese and Spanish, evaluated by the rubric evaluator and by the LLM evaluator; per item the totals and
// each language's suggested reward beside English's, then per-language mean totals, the largest gap between them,
// the worst item and the largest pairwise gap. The target: every item within ±5 % of English in every language.
//
// The LLM evaluator answers from a scripted model on a local OpenAI-compatible server (test/helpers/fairness.ts:
// it scores what the prompt shows it) unless a real endpoint is configured; run it against a real model with
//   OPENAI_BASE_URL=… OPENAI_API_KEY=… LLM_MODEL=… npm run bench:fairness
// (one call per item and language: 78 calls; a real model's report is the one that says whether it is fair).
// Exits with 1 when an item is outside ±5 % in either evaluator.
// Usage: npm run bench:fairness -- [samples = 1] (real model: the median of `samples` answers, as EVAL_SAMPLES does)

import { createLlmEvaluator } from "../src/llm/llmEvaluator.ts";
import { EVALUATE_PROMPT_VERSION } from "../src/llm/prompts/evaluateContribution.v2.ts";
import { defaultRubric } from "../src/llm/rubric.ts";
import { RUBRIC_EVALUATOR_VERSION, rubricDraft } from "../src/llm/rubricEvaluator.ts";
import { runEvaluator } from "../src/services/evaluations/runEvaluator.ts";
import {
  type FairnessReport,
  fairnessModelReply,
  fairnessTable,
  LANGUAGES,
  loadFairnessCorpus,
  measureFairness,
} from "../test/helpers/fairness.ts";
import { startLocalOpenAI } from "../test/helpers/localOpenAI.ts";

const print = (text: string) => process.stdout.write(`${text}\n`);
const SAMPLES = Number(process.argv[2] ?? 1);
const items = loadFairnessCorpus();
const real = Boolean(process.env.OPENAI_BASE_URL || process.env.OPENAI_API_KEY);
const local = real ? undefined : await startLocalOpenAI((req) => fairnessModelReply(req));
const model = real ? (process.env.LLM_MODEL ?? "gpt-4o-mini") : "scripted";

const outside = (r: FairnessReport) =>
  r.rows.filter((row) => LANGUAGES.some((l) => Math.abs(row.ratio[l] - 1) > 0.05)).length;

try {
  const rubric = await measureFairness(items, (input) => rubricDraft(input, defaultRubric));
  print(fairnessTable(`Rubric evaluator (${RUBRIC_EVALUATOR_VERSION}), ${items.length} items`, rubric));
  print("");
  const llm = createLlmEvaluator(
    {
      apiKey: process.env.OPENAI_API_KEY,
      baseUrl: local?.baseUrl ?? process.env.OPENAI_BASE_URL,
      model,
      timeoutMs: 120_000,
      retries: 3,
      retryBaseMs: 1000,
    },
    defaultRubric,
  );
  let failed = 0;
  const report = await measureFairness(items, async (input) => {
    // The way the evaluate job calls it: the median of SAMPLES answers; a failure falls back to the rubric, counted.
    const outcome = await runEvaluator({ rubric: defaultRubric, llm, samples: SAMPLES }, input);
    if (outcome.evaluator !== "llm") failed++;
    return outcome.run.draft;
  });
  print(
    fairnessTable(
      `LLM evaluator (${real ? `model ${model}` : "scripted local model"}, prompt ${EVALUATE_PROMPT_VERSION}, ${SAMPLES} sample(s))`,
      report,
    ),
  );
  const dropped = report.rows.reduce((n, r) => n + LANGUAGES.reduce((m, l) => m + r.droppedQuotes[l], 0), 0);
  print(`quotes dropped as not verbatim: ${dropped}; calls that fell back to the rubric: ${failed}`);
  if (outside(rubric) > 0 || outside(report) > 0) process.exitCode = 1;
} finally {
  await local?.close();
}

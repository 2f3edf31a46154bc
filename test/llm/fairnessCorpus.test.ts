import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlmEvaluator } from "../../src/llm/llmEvaluator.ts";
import { evaluateContributionMessages } from "../../src/llm/prompts/evaluateContribution.v2.ts";
import { defaultRubric } from "../../src/llm/rubric.ts";
import { RUBRIC_EVALUATOR_VERSION, rubricDraft } from "../../src/llm/rubricEvaluator.ts";
import { HAN_FACTOR, SPANISH_FACTOR } from "../../src/llm/textLength.ts";
import {
  type FairnessReport,
  fairnessInput,
  fairnessModelReply,
  fairnessTable,
  LANGUAGES,
  loadFairnessCorpus,
  measureFairness,
} from "../helpers/fairness.ts";
import { type LocalOpenAI, startLocalOpenAI } from "../helpers/localOpenAI.ts";

// The same work in English, Chinese and Spanish must earn the same, within ±5 %, whichever evaluator scores it.
// The report is printed (and by `npm run bench:fairness`, which also runs against a real model).
const items = loadFairnessCorpus();
const print = (text: string) => process.stdout.write(`${text}\n`);

/** Every item and language whose reward is more than 5 % away from English's, with the ratio. */
function outsideBand(report: FairnessReport): string[] {
  return report.rows.flatMap((r) =>
    LANGUAGES.filter((l) => Math.abs(r.ratio[l] - 1) > 0.05).map((l) => `${r.id} ${l} ×${r.ratio[l].toFixed(3)}`),
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

describe("the fairness corpus", () => {
  it("holds at least 24 contributions of every category and kind of quality, each in three languages", () => {
    expect(items.length).toBeGreaterThanOrEqual(24);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const categories = new Set(items.map((i) => i.category));
    for (const c of ["code", "docs", "design", "research", "community", "ops", "other"])
      expect(categories).toContain(c);
    const kinds = new Set(items.map((i) => i.kind));
    for (const k of ["translation", "AMA"]) expect(kinds).toContain(k);
    // Thin and solid, with and without links and hours.
    expect(items.filter((i) => i.links.length === 0).length).toBeGreaterThanOrEqual(5);
    expect(items.filter((i) => i.hours === null).length).toBeGreaterThanOrEqual(2);
    const en = items.map((i) => i.text.en.description.length);
    expect(Math.min(...en)).toBeLessThan(50);
    expect(Math.max(...en)).toBeGreaterThan(300);
    for (const item of items)
      for (const l of LANGUAGES) {
        expect(item.text[l].title.trim(), `${item.id} ${l}`).not.toBe("");
        expect(item.text[l].description.trim(), `${item.id} ${l}`).not.toBe("");
      }
    // Chinese in Han characters, Spanish with its accents: not English copied into the other slots.
    expect(items.every((i) => /\p{Script=Han}/u.test(i.text["zh-CN"].description))).toBe(true);
    expect(items.filter((i) => /[áéíóúñ]/.test(i.text["es-ES"].description)).length).toBeGreaterThan(items.length / 2);
  });

  it("is where the length factors come from: each is its median over the corpus", () => {
    // A Han character stands for (English length − the Chinese text's other characters) / its Han characters.
    const han = items.map((i) => {
      const zh = i.text["zh-CN"].description;
      const hanCount = zh.match(/\p{Script=Han}/gu)?.length ?? 0;
      return (i.text.en.description.length - (zh.length - hanCount)) / hanCount;
    });
    const spanish = items.map((i) => i.text.en.description.length / i.text["es-ES"].description.length);
    expect(HAN_FACTOR).toBeCloseTo(median(han), 1);
    expect(SPANISH_FACTOR).toBeCloseTo(median(spanish), 1);
  });
});

describe("the rubric evaluator across languages", () => {
  it("suggests for every item a reward in zh-CN and es-ES within ±5 % of English's, held alike", async () => {
    const report = await measureFairness(items, (input) => rubricDraft(input, defaultRubric));
    print(fairnessTable(`Rubric evaluator (${RUBRIC_EVALUATOR_VERSION})`, report));
    expect(outsideBand(report)).toEqual([]);
    // No language is held for a person (or flagged as stuffed) where another is not. (low_evidence, which holds
    // nothing, has an edge at 200 characters that translations of a text near it fall on either side of.)
    const held = (flags: string[]) => flags.filter((f) => f !== "low_evidence").join(",");
    const differ = report.rows.filter((r) => new Set(LANGUAGES.map((l) => held(r.flags[l]))).size > 1);
    expect(differ.map((r) => `${r.id}: ${JSON.stringify(r.flags)}`)).toEqual([]);
  });
});

describe("the LLM evaluator across languages, against a scripted local model", () => {
  let server: LocalOpenAI;
  beforeAll(async () => {
    server = await startLocalOpenAI((req) => fairnessModelReply(req));
  });
  afterAll(() => server.close());

  it("suggests for every item a reward in zh-CN and es-ES within ±5 % of English's, keeping every quote", async () => {
    const evaluate = createLlmEvaluator(
      { apiKey: undefined, baseUrl: server.baseUrl, model: "scripted", timeoutMs: 10_000, retries: 0, retryBaseMs: 10 },
      defaultRubric,
    );
    const report = await measureFairness(items, async (input) => (await evaluate(input)).draft);
    print(fairnessTable("LLM evaluator (scripted local model)", report));
    expect(outsideBand(report)).toEqual([]);
    // The model quotes in the submission's own language; a quote it copied exactly is never dropped.
    const dropped = report.rows.flatMap((r) =>
      LANGUAGES.filter((l) => r.droppedQuotes[l] > 0).map((l) => `${r.id} ${l}`),
    );
    expect(dropped).toEqual([]);
    // Not one number for everything: the scripted model scores what it reads.
    expect(new Set(report.rows.map((r) => r.totals.en)).size).toBeGreaterThan(8);
  });

  it("has a scripted model that tells languages apart when the prompt gives it only the raw text", () => {
    // The instrument can fail: without Steward's length measures, the scripted model counts characters, and the
    // same work in Chinese scores lower than in English. The measurement above is not fair by construction.
    const item = items.find((i) => i.id === "docs-quick-start");
    if (!item) throw new Error("docs-quick-start is missing from the corpus");
    const total = (l: (typeof LANGUAGES)[number]) => {
      const messages = evaluateContributionMessages(fairnessInput(item, l), defaultRubric).map((m) => ({
        role: m.role,
        content: m.content.replace(/<text_measures>[\s\S]*<\/text_measures>/, ""),
      }));
      const reply = fairnessModelReply({ model: "scripted", messages });
      if (!("content" in reply)) throw new Error("the scripted model always answers");
      const scores = (JSON.parse(reply.content) as { scores: { score: number }[] }).scores.map((s) => s.score);
      return scores.reduce((n, s) => n + s, 0);
    };
    expect(total("zh-CN")).toBeLessThan(total("en") - 1);
    expect(total("es-ES")).toBeGreaterThan(total("en"));
  });
});

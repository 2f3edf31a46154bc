import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { EvaluationInput } from "../../src/llm/evaluationTypes.ts";
import { defaultRubric, type Rubric } from "../../src/llm/rubric.ts";
import { type RewardPolicy, suggestReward } from "../../src/services/evaluations/suggestReward.ts";
import { type ChatRequest, evaluationJson, type Reply } from "./localOpenAI.ts";

export const LANGUAGES = ["en", "zh-CN", "es-ES"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface FairnessItem {
  id: string;
  category: string;
  kind: string;
  hours: number | null;
  links: string[];
  text: Record<Language, { title: string; description: string }>;
}

export function loadFairnessCorpus(): FairnessItem[] {
  const path = fileURLToPath(new URL("../fixtures/fairness/corpus.json", import.meta.url));
  return (JSON.parse(readFileSync(path, "utf8")) as { items: FairnessItem[] }).items;
}

/** An item as one evaluator input: a member with two earlier contributions, no earlier work alike, no GitHub. */
export function fairnessInput(item: FairnessItem, language: Language): EvaluationInput {
  return {
    title: item.text[language].title,
    description: item.text[language].description,
    category: item.category,
    links: item.links,
    hours: item.hours,
    earlier: [],
    authorTrackRecord: 2,
  };
}

/** A cap large enough that the unit's rounding never shows in a ratio: 1,000 tokens of 18 decimals. */
export const FAIRNESS_POLICY: RewardPolicy = { maxPerContribution: 10n ** 21n, epochBudget: 10n ** 24n };

/** What the report needs of one evaluation. */
export interface Scored {
  total: number;
  droppedQuotes: number;
  flags: string[];
}

export interface FairnessRow {
  id: string;
  category: string;
  totals: Record<Language, number>;
  rewards: Record<Language, bigint>;
  /** Each language's reward ÷ English's (1 for English). */
  ratio: Record<Language, number>;
  droppedQuotes: Record<Language, number>;
  flags: Record<Language, string[]>;
}

export interface FairnessReport {
  rows: FairnessRow[];
  /** Mean total (0-100) per language. */
  means: Record<Language, number>;
  /** The largest difference between two languages' mean totals, in points. */
  largestMeanGap: { a: Language; b: Language; points: number };
  /** The item and language whose reward is furthest from English's. */
  worst: { id: string; language: Language; ratio: number };
  /** The largest reward gap between any two languages of one item, as a share of the larger. */
  largestPairGap: { id: string; a: Language; b: Language; share: number };
}

/** Evaluates every item in every language and sets each suggested reward beside English's. */
export async function measureFairness(
  items: FairnessItem[],
  evaluate: (input: EvaluationInput) => Promise<Scored> | Scored,
  rubric: Rubric = defaultRubric,
): Promise<FairnessReport> {
  const rows: FairnessRow[] = [];
  for (const item of items) {
    const scored = {} as Record<Language, Scored>;
    for (const language of LANGUAGES) scored[language] = await evaluate(fairnessInput(item, language));
    const per = <T>(f: (s: Scored, l: Language) => T) =>
      Object.fromEntries(LANGUAGES.map((l) => [l, f(scored[l], l)])) as Record<Language, T>;
    const rewards = per((s) => suggestReward(FAIRNESS_POLICY, rubric, item.category, s.total));
    const ratio = per((_, l) => share(rewards[l], rewards.en));
    rows.push({
      id: item.id,
      category: item.category,
      totals: per((s) => s.total),
      rewards,
      ratio,
      droppedQuotes: per((s) => s.droppedQuotes),
      flags: per((s) => s.flags),
    });
  }
  const means = Object.fromEntries(
    LANGUAGES.map((l) => [l, rows.reduce((n, r) => n + r.totals[l], 0) / rows.length]),
  ) as Record<Language, number>;
  let largestMeanGap = { a: LANGUAGES[0] as Language, b: LANGUAGES[0] as Language, points: 0 };
  let largestPairGap = { id: "", a: LANGUAGES[0] as Language, b: LANGUAGES[0] as Language, share: 0 };
  let worst = { id: "", language: LANGUAGES[0] as Language, ratio: 1 };
  for (const a of LANGUAGES)
    for (const b of LANGUAGES) {
      if (a >= b) continue;
      const points = Math.abs(means[a] - means[b]);
      if (points > largestMeanGap.points) largestMeanGap = { a, b, points };
      for (const r of rows) {
        const [lo, hi] = r.rewards[a] > r.rewards[b] ? [r.rewards[b], r.rewards[a]] : [r.rewards[a], r.rewards[b]];
        const gap = hi === 0n ? 0 : 1 - share(lo, hi);
        if (gap > largestPairGap.share) largestPairGap = { id: r.id, a, b, share: gap };
      }
    }
  for (const r of rows)
    for (const l of LANGUAGES)
      if (Math.abs(r.ratio[l] - 1) > Math.abs(worst.ratio - 1)) worst = { id: r.id, language: l, ratio: r.ratio[l] };
  return { rows, means, largestMeanGap, worst, largestPairGap };
}

function share(x: bigint, of: bigint): number {
  if (of === 0n) return x === 0n ? 1 : Number.POSITIVE_INFINITY;
  // Six decimals are plenty beside a ±5 % band, and keep the bigints exact until the end.
  return Number((x * 1_000_000n) / of) / 1_000_000;
}

const pct = (r: number) => `${r >= 1 ? "+" : ""}${((r - 1) * 100).toFixed(1)} %`;

/** The report as a small text table: each item's totals and its rewards beside English's, then the summary. */
export function fairnessTable(title: string, report: FairnessReport): string {
  const lines = [
    title,
    `${"item".padEnd(26)} ${"category".padEnd(9)} ${"en".padStart(4)} ${"zh".padStart(4)} ${"es".padStart(4)}  ${"zh/en".padStart(8)} ${"es/en".padStart(8)}`,
  ];
  for (const r of report.rows) {
    const flag = LANGUAGES.some((l) => Math.abs(r.ratio[l] - 1) > 0.05) ? "  ✗" : "";
    lines.push(
      `${r.id.padEnd(26)} ${r.category.padEnd(9)} ${String(r.totals.en).padStart(4)} ${String(r.totals["zh-CN"]).padStart(4)} ${String(r.totals["es-ES"]).padStart(4)}  ${pct(r.ratio["zh-CN"]).padStart(8)} ${pct(r.ratio["es-ES"]).padStart(8)}${flag}`,
    );
  }
  const m = report.means;
  const outside = report.rows.filter((r) => LANGUAGES.some((l) => Math.abs(r.ratio[l] - 1) > 0.05)).length;
  lines.push(
    `mean total: en ${m.en.toFixed(1)}, zh-CN ${m["zh-CN"].toFixed(1)}, es-ES ${m["es-ES"].toFixed(1)}; largest gap between means: ${report.largestMeanGap.points.toFixed(1)} points (${report.largestMeanGap.a}/${report.largestMeanGap.b})`,
    `worst item against English: ${report.worst.id} in ${report.worst.language}, reward ${pct(report.worst.ratio)}; largest pairwise reward gap: ${(report.largestPairGap.share * 100).toFixed(1)} % (${report.largestPairGap.id}, ${report.largestPairGap.a}/${report.largestPairGap.b}); items outside ±5 %: ${outside} of ${report.rows.length}`,
  );
  return lines.join("\n");
}

/**
 * The text between <tag> and </tag> in a prompt, if it has that section: Steward's closing tag is the last one (a
 * description may write the tags too, inside the submission), and so is its measures' opening tag.
 */
function section(text: string, tag: string, from: "first" | "last"): string | undefined {
  const start = from === "first" ? text.indexOf(`<${tag}>`) : text.lastIndexOf(`<${tag}>`);
  const end = text.lastIndexOf(`</${tag}>`);
  return start === -1 || end === -1 ? undefined : text.slice(start + tag.length + 2, end);
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A scripted model for the fairness measurement that reads the prompt as a model does and scores what it finds
 * there, so that a signal that differs by language shows in its scores:
 * - how much the description says: the English-equivalent length Steward states in the prompt's <text_measures>,
 *   when the prompt has them; otherwise the description's own length in characters, as a reader who counts what
 *   it sees would (a model's sense of "how much text" comes from the text);
 * - the links it can see (the links field and URLs in the description), whether one is a PR or commit, the stated
 *   hours and the category — facts that are the same in every language.
 * Detail earns up to 16.75 of 100 points, in proportion to the length up to 300 characters: a reader that values a
 * fuller description, as a real model does, more than the rubric does (7 points, all of them by 80 characters).
 * How length-sensitive a model may be and still be fair is bounded by how alike the stated lengths of one text's
 * translations are (within ±15 % for long texts, ±30 % for thin ones): 1.5 times this sensitivity still stays
 * within ±5 % on the corpus (4.5 % at worst); the same sensitivity from 40 characters up, steeper at the thin end,
 * does not (5.4 % for the thinnest). It quotes the description's first sentence and its longest word, verbatim.
 */
export function fairnessModelReply(req: ChatRequest): Reply {
  const user = req.messages.find((m) => m.role === "user")?.content ?? "";
  const submission = JSON.parse(section(user, "submission", "first") ?? "{}") as {
    category: string;
    description: string;
    links: string[];
    hours: number | null;
  };
  const measures = section(user, "text_measures", "last");
  const stated = measures ? (JSON.parse(measures) as { english_equivalent_length?: number }) : {};
  const length = stated.english_equivalent_length ?? [...submission.description].length;
  const links = [...submission.links, ...(submission.description.match(/https?:\/\/[^\s，。、）)]+/gu) ?? [])];
  const code = links.some((l) => /github\.com\/[^/]+\/[^/]+\/(pull|commit)\//.test(l));
  const detail = Math.min(1, length / 300);
  const hours = Math.min(submission.hours ?? 0, 20) / 20;
  const scores = [
    round(3 + (code ? 3 : 0) + (links.length > (code ? 1 : 0) ? 1 : 0) + 1.5 * detail),
    round(3 + (links.length > 0 ? 2 : 0) + 3 * detail),
    round(2 + (code ? 2 : 0) + (links.length > 0 ? 1 : 0) + 2 * detail + hours),
    round(6 + (["code", "research", "design"].includes(submission.category) ? 1 : 0)),
  ];
  const description = submission.description.trim();
  const stop = description.search(/[.!?](\s|$)|[。！？]/);
  const first = description.slice(0, stop === -1 ? description.length : stop + 1);
  const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });
  const longest = [...segmenter.segment(description)]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment)
    .reduce((a, b) => (Array.from(b).length > Array.from(a).length ? b : a), "");
  return {
    content: evaluationJson({
      scores,
      evidence: [first, longest].filter((q) => q !== ""),
      rationale: "Scored from what the submission shows.",
    }),
  };
}

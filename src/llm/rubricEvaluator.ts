import { createHash } from "node:crypto";
import { detectInjection } from "./detectInjection.ts";
import {
  type CriterionScore,
  type EvaluationDraft,
  type EvaluationInput,
  type EvaluatorRun,
  type Flag,
  weightedTotal,
} from "./evaluationTypes.ts";
import type { Rubric } from "./rubric.ts";

export const RUBRIC_EVALUATOR_VERSION = "rubric-evaluator-1";

const clamp = (n: number, lo = 0, hi = 10) => Math.round(Math.min(hi, Math.max(lo, n)) * 10) / 10;

export type LinkKind = "pr" | "commit" | "issue" | "doc" | "other";

export function linkKind(link: string): LinkKind {
  const url = link.toLowerCase();
  if (/\/pull\/\d+|\/merge_requests\/\d+|\/pulls?\b/.test(url)) return "pr";
  if (/\/commits?\/[0-9a-f]{7,}/.test(url)) return "commit";
  if (/\/issues\/\d+/.test(url)) return "issue";
  if (
    /\/\/docs?\.|\/docs?\/|\/wiki|\.md(\b|$)|notion\.(so|site)|gitbook|hackmd|docs\.google\.com|mirror\.xyz/.test(url)
  ) {
    return "doc";
  }
  return "other";
}

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (words.length < 3 && words.length > 0) out.add(words.join(" "));
  return out;
}

/** Jaccard similarity of word-trigram sets, 0-1. */
export function similarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  return common / (x.size + y.size - common);
}

/** The first sentence of the description, cut at 200 characters: always an exact substring. */
function firstSentence(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const end = trimmed.search(/[.!?](\s|$)/);
  return trimmed.slice(0, Math.min(end === -1 ? trimmed.length : end + 1, 200));
}

/**
 * The offline evaluator: scores from observable signals only, deterministically (same input, same output). The
 * formula is documented in the README ("The rubric evaluator").
 */
export function rubricDraft(input: EvaluationInput, rubric: Rubric): EvaluationDraft {
  const text = input.description;
  const len = text.trim().length;
  const structure = (text.match(/^\s*([-*•]|\d+[.)]|#{1,4}\s)/gm) ?? []).length;
  const kinds = input.links.map(linkKind);
  const count = (k: LinkKind) => kinds.filter((x) => x === k).length;
  const links = input.links.length;
  const code = count("pr") + count("commit");
  const hours = input.hours ?? 0;

  const best = input.earlier.reduce(
    (top, e) => {
      const s = similarity(`${input.title}\n${text}`, e.text);
      return s > top.score ? { score: s, id: e.id } : top;
    },
    { score: 0, id: 0 },
  );
  const duplicate = best.score >= 0.8;
  const injection = detectInjection([input.title, text, ...input.links]);

  const hoursScore = input.hours ? Math.min(6, 2 * Math.log2(1 + hours)) : 2;
  const evidenceCap = 2 + len / 150 + 2 * links;
  const effortRaw = hoursScore + Math.min(len / 500, 2) + Math.min(links, 2) * 0.5;
  const effortCapped = effortRaw > evidenceCap;
  let impact = clamp(
    2 + 2.5 * Math.min(code, 2) + Math.min(count("issue"), 2) + Math.min(count("doc"), 2) + (len >= 400 ? 1 : 0),
  );
  const quality = clamp(1 + Math.min(len / 200, 4) + Math.min(structure, 3) + (links > 0 ? 2 : 0));
  let effort = clamp(Math.min(effortRaw, evidenceCap));
  const coreCategory = ["code", "research", "design"].includes(input.category);
  const alignment = clamp(
    5 + Math.min(input.authorTrackRecord, 5) * 0.6 + (coreCategory ? 1 : 0) - (input.category === "other" ? 1 : 0),
  );
  if (duplicate) {
    impact = clamp(impact * 0.3);
    effort = clamp(effort * 0.3);
  }

  const reasons: Record<string, string> = {
    impact: `${code} PR/commit link(s), ${count("issue")} issue link(s), ${count("doc")} doc link(s)${duplicate ? "; near-duplicate of earlier work" : ""}`,
    quality: `${len} characters, ${structure} structured line(s), ${links} link(s)`,
    effort: input.hours
      ? `${input.hours} hour(s) stated${effortCapped ? ", more than the description and links evidence" : ""}`
      : "no hours stated",
    alignment: `${input.category} category, ${input.authorTrackRecord} earlier evaluated contribution(s)`,
  };
  const byName: Record<string, number> = { impact, quality, effort, alignment };
  const scores: CriterionScore[] = rubric.criteria.map((c) => ({
    criterion: c.name,
    score: byName[c.name] ?? 5,
    weight: c.weight,
    reason: reasons[c.name] ?? "not measured by the rubric evaluator; neutral 5",
  }));

  const flags: Flag[] = [];
  if (duplicate) flags.push("possible_duplicate");
  if ((links === 0 && len < 200) || (hours > 8 && effortCapped)) flags.push("low_evidence");
  if (injection.suspected) flags.push("prompt_injection_suspected");
  if (duplicate || injection.suspected) flags.push("needs_human");

  const evidence = [firstSentence(text), ...input.links.filter((l) => text.includes(l))].filter(
    (q): q is string => q !== undefined,
  );
  const total = weightedTotal(scores);
  const rationale = [
    `Scored from observable signals: ${reasons.quality}; ${reasons.impact}; ${reasons.effort}.`,
    duplicate ? `It is ${Math.round(best.score * 100)}% similar to contribution #${best.id}.` : "",
    injection.suspected
      ? `The text contains instructions addressed to the evaluator (${injection.signals.join(", ")}).`
      : "",
    flags.includes("low_evidence") ? "There is little evidence to verify the work: add links to it." : "",
  ]
    .filter(Boolean)
    .join(" ")
    .slice(0, 1000);
  const confidence = clamp(0.4 + 0.1 * Math.min(links, 3) + (len >= 300 ? 0.1 : 0) - 0.1 * flags.length, 0.1, 0.9);
  return { scores, total, confidence, rationale, evidence, droppedQuotes: 0, flags };
}

export function rubricEvaluate(input: EvaluationInput, rubric: Rubric): EvaluatorRun {
  const started = performance.now();
  const draft = rubricDraft(input, rubric);
  return {
    draft,
    model: RUBRIC_EVALUATOR_VERSION,
    promptVersion: "none",
    promptSha256: createHash("sha256").update(RUBRIC_EVALUATOR_VERSION).digest("hex"),
    temperature: 0,
    promptTokens: 0,
    completionTokens: 0,
    latencyMs: Math.round(performance.now() - started),
    attempts: 1,
  };
}

import { createHash } from "node:crypto";
import { distinctLinks, type LinkKind, linksInText, parseLink } from "../base/parseLink.ts";
import { skeleton } from "../base/skeleton.ts";
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
import { sizePoints, verifiedWork } from "./verifiedWork.ts";

export const RUBRIC_EVALUATOR_VERSION = "rubric-evaluator-2";

const clamp = (n: number, lo = 0, hi = 10) => Math.round(Math.min(hi, Math.max(lo, n)) * 10) / 10;

export type { LinkKind };

export function linkKind(link: string): LinkKind {
  return parseLink(link)?.kind ?? "other";
}

function words(text: string): string[] {
  return skeleton(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  // Stryker disable next-line ArithmeticOperator: any consistent choice of three neighbours compares texts the same way
  for (let i = 0; i + 2 < w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  // Stryker disable next-line EqualityOperator,StringLiteral: three words joined are the one trigram already added; the separator only keeps "a bc" and "ab c" apart
  if (w.length < 3 && w.length > 0) out.add(w.join(" "));
  return out;
}

/** Jaccard similarity of word-trigram sets of the texts' UTS #39 skeletons, 0-1 (lookalike letters compare equal). */
export function similarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: with one side empty nothing is common and the ratio is 0 anyway; the check keeps two empty texts from 0/0
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  return common / (x.size + y.size - common);
}

/**
 * The length that carries information: each sentence counted once (by skeleton), so pasting the same lines again
 * adds nothing. The formula only asks whether there is enough to judge (80 characters): more text earns nothing.
 */
export function informativeLength(text: string): number {
  const seen = new Set<string>();
  let n = 0;
  // Stryker disable next-line Regex: splitting on one blank or one newline more only adds blank pieces, which count nothing
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const key = words(sentence).join(" ");
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    n += sentence.trim().length;
  }
  return n;
}

// Words that describe a score rather than the work: text stuffed with them is written for the evaluator. Compared
// as skeletons, like the text's words ("impact" is "irnpact" there: without this, words with m or l never matched).
const BAIT = new Set(
  "impact impactful critical crucial essential important significant major huge massive excellent outstanding exceptional innovative groundbreaking revolutionary transformative high quality best amazing incredible perfect valuable vital key strategic effort alignment aligned mission maximum score reward"
    .split(" ")
    .map((w) => skeleton(w)),
);

function keywordStuffed(text: string): boolean {
  const w = words(text);
  const bait = w.filter((x) => BAIT.has(x)).length;
  return bait >= 8 && bait / w.length >= 0.2;
}

/** The first sentence of the description, cut at 200 characters: always an exact substring. */
function firstSentence(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  // Stryker disable next-line Regex: a stop at the very end ends the text too, which the slice takes whole anyway
  const end = trimmed.search(/[.!?](\s|$)/);
  return trimmed.slice(0, Math.min(end === -1 ? trimmed.length : end + 1, 200));
}

/**
 * The offline evaluator: scores from observable signals only, deterministically (same input, same output). The
 * formula is in docs/members.md ("The rubric evaluator"). Built not to be gamed: links are judged by their real
 * host, and only whether a kind of evidence is there counts, not how much (five PR links are one PR's worth,
 * offline nobody can check them); stated hours are shown but never scored (nobody can check them either); length
 * counts only as "enough to judge".
 */
export function rubricDraft(input: EvaluationInput, rubric: Rubric): EvaluationDraft {
  const text = input.description;
  const info = informativeLength(text);
  // GitHub's facts, when Steward read them: someone else's PR is no evidence at all; checked size and review replace
  // the presence of a code link (which alone proves nothing).
  const verified = verifiedWork(input.githubFacts);
  const links = distinctLinks([...input.links, ...linksInText(text)]).filter((l) => !verified.refused.has(l.key));
  const checked = verified.changes > 0;
  const has = (k: LinkKind) => links.some((l) => l.kind === k);
  const code = has("pr") || has("commit");
  const hours = input.hours ?? 0;

  const best = input.earlier.reduce(
    (top, e) => {
      const s = similarity(`${input.title}\n${text}`, e.text);
      return s > top.score ? { score: s, id: e.id } : top;
    },
    { score: 0, id: 0 },
  );
  const duplicate = best.score >= 0.8;
  const claimed = input.claimedElsewhere ?? [];
  const injection = detectInjection([input.title, text, ...input.links]);
  const stuffed = keywordStuffed(`${input.title}\n${text}`);

  // Presence, not counts: a second link of a kind, a longer text or more bullets prove no more work offline.
  const described = info >= 80;
  const kindCount = (["pr", "commit", "issue", "doc"] as const).filter(has).length;
  // A merge another person reviewed (approved, or merged it); a PR its author merged alone is unreviewed work.
  const reviewedMerge = verified.reviewedMerges > 0;
  const neverMerged = verified.mergedPulls === 0 && verified.unmergedPulls > 0;
  // Trivially small verified code (whitespace, a one-word typo) earns a small change's impact, not a PR's.
  let impact = clamp(
    2 +
      (code ? (verified.trivial ? 1 : 3) : 0) +
      (has("issue") ? 1 : 0) +
      (has("doc") ? 1 : 0) +
      (checked ? (reviewedMerge ? 1 : 0) - (neverMerged ? 1 : 0) : 0),
  );
  const quality = clamp(2 + (described ? 2 : 0) + (links.length > 0 ? 2 : 0));
  const codeEffort = checked ? sizePoints(verified.workLines) : code ? 2 : 0;
  let effort = clamp(2 + codeEffort + (links.length > 0 ? 1 : 0) + (described ? 1 : 0));
  // Hours the evidence can plausibly back: a claim beyond it is pointed out, and never scored either way.
  const backedHours = 4 + 8 * links.length;
  const hoursUnbacked = hours > backedHours;
  const coreCategory = ["code", "research", "design"].includes(input.category);
  const alignment = clamp(
    5 + Math.min(input.authorTrackRecord, 5) * 0.6 + (coreCategory ? 1 : 0) - (input.category === "other" ? 1 : 0),
  );
  if (duplicate) {
    impact = clamp(impact * 0.3);
    effort = clamp(effort * 0.3);
  }

  const kinds = (["pr", "commit", "issue", "doc", "other"] as const).filter(has);
  const reasons: Record<string, string> = {
    impact: `${links.length} distinct link(s)${kinds.length > 0 ? ` (${kinds.join(", ")})` : ""}${checked ? `; verified on GitHub: ${verified.mergedPulls} merged PR(s)${verified.approvers.length > 0 ? `, approved by ${verified.approvers.map((a) => `@${a}`).join(", ")}` : reviewedMerge ? ", merged by someone else" : ", no approving review"}${verified.selfMerged.length > 0 ? `; ${verified.selfMerged.length} merged by its author in a repository only they control, counted as unreviewed` : ""}${verified.reverted.length > 0 ? `; ${verified.reverted.length} reverted later` : ""}${verified.trivial ? "; a trivially small change" : ""}` : ""}${verified.refused.size > 0 ? `; ${verified.refused.size} PR(s) authored by someone else not counted` : ""}${duplicate ? "; near-duplicate of earlier work" : ""}`,
    quality: `${info} informative characters${described ? "" : " (under 80: too little to judge)"}, ${links.length} distinct link(s)`,
    effort: `${checked ? `verified on GitHub: ${verified.workLines} changed line(s) of work${verified.apartLines > 0 ? ` (${verified.apartLines} in lockfiles, generated files or whitespace, not counted)` : ""}` : "from the evidence"}${input.hours ? `; ${input.hours} hour(s) stated, not scored${hoursUnbacked ? " and more than the description and links evidence" : ""}` : ""}`,
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
  if (claimed.length > 0) flags.push("possible_duplicate_claim");
  if ((links.length === 0 && info < 200) || hoursUnbacked) flags.push("low_evidence");
  if (injection.suspected) flags.push("prompt_injection_suspected");
  if (stuffed) flags.push("keyword_stuffing");
  if (duplicate || claimed.length > 0 || injection.suspected || stuffed) flags.push("needs_human");

  const evidence = [firstSentence(text), ...input.links.filter((l) => text.includes(l))].filter(
    (q): q is string => q !== undefined,
  );
  const total = weightedTotal(scores);
  const rationale = [
    `Scored from observable signals: ${reasons.quality}; ${reasons.impact}; effort ${reasons.effort}.`,
    duplicate ? `It is ${Math.round(best.score * 100)}% similar to contribution #${best.id}.` : "",
    claimed.length > 0
      ? `Its link(s) were already claimed by ${[...new Set(claimed.map((c) => `#${c.contributionId}`))].join(", ")}.`
      : "",
    injection.suspected
      ? `The text contains instructions addressed to the evaluator (${injection.signals.join(", ")}).`
      : "",
    stuffed ? "The text is stuffed with words that describe a score rather than the work." : "",
    flags.includes("low_evidence") ? "There is little evidence to verify the work: add links to it." : "",
  ]
    .filter(Boolean)
    .join(" ")
    .slice(0, 1000);
  const confidence = clamp(0.4 + 0.1 * Math.min(kindCount, 3) + (info >= 200 ? 0.1 : 0) - 0.1 * flags.length, 0.1, 0.9);
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

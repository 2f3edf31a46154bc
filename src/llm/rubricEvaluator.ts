import { createHash } from "node:crypto";
import type { EvaluationExplanation, RationaleFact, RubricFact } from "../base/evaluationExplanation.ts";
import { distinctLinks, type LinkKind, linksInText, parseLink } from "../base/parseLink.ts";
import { skeleton } from "../base/skeleton.ts";
import { checkEvidence, type EvidenceCheck } from "./categoryEvidence.ts";
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
import { informativeLength, measuredLanguage } from "./textLength.ts";
import { nearestDuplicate, similarity, skeletonWords } from "./textShingles.ts";
import { sizePoints, verifiedWork } from "./verifiedWork.ts";

// 3: lengths counted in English-equivalent characters (Chinese, Spanish), Chinese words by segmenter, Chinese and
// Spanish bait words, accent-insensitive words, sentences ending at 。！？.
export const RUBRIC_EVALUATOR_VERSION = "rubric-evaluator-3";

/** English-equivalent informative characters from which a description earns its full credit. */
export const DESCRIBED = 80;

const clamp = (n: number, lo = 0, hi = 10) => Math.round(Math.min(hi, Math.max(lo, n)) * 10) / 10;

export type { LinkKind };

export function linkKind(link: string): LinkKind {
  return parseLink(link)?.kind ?? "other";
}

const words = skeletonWords;

export { informativeLength, similarity };

// Words that describe a score rather than the work: text stuffed with them is written for the evaluator. Compared
// as skeletons, like the text's words ("impact" is "irnpact" there: without this, words with m or l never matched),
// without their accents as the text's words are (a stuffer writes "critico" as well as "crítico"). English, then
// Spanish.
const BAIT = new Set(
  [
    "impact impactful critical crucial essential important significant major huge massive excellent outstanding exceptional innovative groundbreaking revolutionary transformative high quality best amazing incredible perfect valuable vital key strategic effort alignment aligned mission maximum score reward",
    "impacto impactante crítico crítica crucial esencial importante importantísimo significativo significativa enorme masivo masiva excelente sobresaliente excepcional extraordinario extraordinaria innovador innovadora rompedor rompedora revolucionario revolucionaria transformador transformadora calidad mejor increíble asombroso asombrosa perfecto perfecta valioso valiosa vital clave estratégico estratégica esfuerzo alineación alineado alineada misión máximo máxima puntuación recompensa",
  ]
    .join(" ")
    .split(" ")
    .map((w) => unaccented(skeleton(w))),
);
// Chinese has no spaces: its bait words are found in the text itself, the longest first ("影响力" once, not also
// "影响"), rather than among the segmenter's words, whose cuts vary with the ICU dictionary.
const HAN_BAIT = new RegExp(
  "影响力 影响 巨大 关键 至关重要 重要 核心 卓越 杰出 出色 优秀 非凡 创新 突破 革命性 颠覆 变革 重大 高质量 最佳 惊人 完美 宝贵 有价值 价值 战略 使命 满分 最高分 奖励 顶级 里程碑 划时代 不可或缺 举足轻重 意义非凡 史无前例 无与伦比 努力 契合"
    .split(" ")
    .map((w) => skeleton(w))
    .sort((a, b) => b.length - a.length)
    .join("|"),
  "gu",
);

function unaccented(word: string): string {
  return word.replace(/\p{M}/gu, "");
}

function keywordStuffed(text: string): boolean {
  const w = words(text);
  const han =
    skeleton(text)
      .replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, "")
      .match(HAN_BAIT)?.length ?? 0;
  const bait = w.filter((x) => BAIT.has(x)).length + han;
  return bait >= 8 && bait / w.length >= 0.2;
}

/** The first sentence of the description (a Chinese one ends at 。！？), cut at 200 characters: always an exact substring. */
function firstSentence(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  // Stryker disable next-line Regex: a stop at the very end ends the text too, which the slice takes whole anyway
  const end = trimmed.search(/[.!?](\s|$)|[。！？]/);
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
  return rubricAssessment(input, rubric).draft;
}

/** The links an evaluator counts: in the form and in the text, once each, without PRs someone else authored. */
function countedLinks(input: EvaluationInput) {
  const verified = verifiedWork(input.githubFacts);
  const links = distinctLinks([...input.links, ...linksInText(input.description)]).filter(
    (l) => !verified.refused.has(l.key),
  );
  return { verified, links };
}

/**
 * Which of its category's expected evidence (the policy's criteria per category) a submission shows, from the
 * signals the rubric evaluator measures. Explains, never scores: whichever evaluator scored it.
 */
export function submissionEvidence(input: EvaluationInput, rubric: Rubric): EvidenceCheck[] {
  const { verified, links } = countedLinks(input);
  return checkEvidence(rubric.categoryCriteria, input.category, {
    text: `${input.title}\n${input.description}`,
    linkKinds: links.map((l) => l.kind),
    informative: informativeLength(input.description),
    reviewedMerges: verified.reviewedMerges,
    described: DESCRIBED,
  });
}

/** The draft, and the same explanation as facts: the views word these in the reader's language. */
export function rubricAssessment(
  input: EvaluationInput,
  rubric: Rubric,
): { draft: EvaluationDraft; explanation: EvaluationExplanation } {
  const text = input.description;
  const info = informativeLength(text);
  const language = measuredLanguage(text);
  // GitHub's facts, when Steward read them: someone else's PR is no evidence at all; checked size and review replace
  // the presence of a code link (which alone proves nothing).
  const { verified, links } = countedLinks(input);
  const checked = verified.changes > 0;
  const has = (k: LinkKind) => links.some((l) => l.kind === k);
  const code = has("pr") || has("commit");
  const hours = input.hours ?? 0;

  const best = nearestDuplicate(`${input.title}\n${text}`, input.earlier);
  const duplicate = best !== undefined;
  const claimed = input.claimedElsewhere ?? [];
  const injection = detectInjection([input.title, text, ...input.links]);
  const stuffed = keywordStuffed(`${input.title}\n${text}`);

  // Presence, not counts: a second link of a kind, a longer text or more bullets prove no more work offline.
  // How much there is to judge, 0-1: full from DESCRIBED characters, as before, and the square root of the share of
  // it below. Not a cliff: the same text translated is up to half as long again or a third shorter, even counted
  // in English-equivalent characters (the fairness corpus), and a cliff puts translations of one text on both sides
  // of it (a 78-character English text and its 86-character Chinese one differed by 13 % in reward). The square
  // root halves what a length ratio does (a text 1.5 times as long gets 1.22 times the credit), which keeps every
  // translation in the corpus within 3 % of English, where a straight share left the thinnest ones at 6 %.
  const described = Math.min(1, Math.sqrt(info / DESCRIBED));
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
  const quality = clamp(2 + 2 * described + (links.length > 0 ? 2 : 0));
  const codeEffort = checked ? sizePoints(verified.workLines) : code ? 2 : 0;
  let effort = clamp(2 + codeEffort + (links.length > 0 ? 1 : 0) + described);
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
    quality: `${info} informative characters${language === "other" ? "" : ` (English-equivalent: ${language === "zh" ? "Chinese" : "Spanish"})`}${described < 1 ? ` (under ${DESCRIBED}: ${Math.round(described * 100)} % of a full description's credit)` : ""}, ${links.length} distinct link(s)`,
    effort: `${checked ? `verified on GitHub: ${verified.workLines} changed line(s) of work${verified.apartLines > 0 ? ` (${verified.apartLines} in lockfiles, generated files or whitespace, not counted)` : ""}` : "from the evidence"}${input.hours ? `; ${input.hours} hour(s) stated, not scored${hoursUnbacked ? " and more than the description and links evidence" : ""}` : ""}`,
    alignment: `${input.category} category, ${input.authorTrackRecord} earlier contribution(s) by the author`,
  };
  const evidence = submissionEvidence(input, rubric);
  const evidenceFact = (criterion: string): RubricFact[] => {
    const mine = evidence.filter((e) => e.criterion === criterion);
    if (mine.length === 0) return [];
    return [
      {
        kind: "evidence",
        category: input.category,
        present: mine.filter((e) => e.present).map((e) => e.evidence),
        missing: mine.filter((e) => !e.present).map((e) => e.evidence),
      },
    ];
  };
  const facts: Record<string, RubricFact[]> = {
    impact: [
      { kind: "links", count: links.length, kinds: [...kinds] },
      ...(checked
        ? [
            {
              kind: "github" as const,
              merged: verified.mergedPulls,
              approvers: [...verified.approvers],
              mergedByOther: verified.approvers.length === 0 && reviewedMerge,
              selfMerged: verified.selfMerged.length,
              reverted: verified.reverted.length,
              trivial: verified.trivial,
            },
          ]
        : []),
      ...(verified.refused.size > 0 ? [{ kind: "refused" as const, count: verified.refused.size }] : []),
      ...(duplicate ? [{ kind: "duplicate" as const }] : []),
    ],
    quality: [
      {
        kind: "length",
        chars: info,
        language,
        target: DESCRIBED,
        percent: Math.round(described * 100),
      },
      { kind: "links", count: links.length, kinds: [] },
    ],
    effort: [
      checked
        ? { kind: "verifiedLines", lines: verified.workLines, apart: verified.apartLines }
        : { kind: "fromEvidence" },
      ...(input.hours ? [{ kind: "hours" as const, hours: input.hours, unbacked: hoursUnbacked }] : []),
    ],
    alignment: [{ kind: "track", category: input.category, earlier: input.authorTrackRecord }],
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

  const quotes = [firstSentence(text), ...input.links.filter((l) => text.includes(l))].filter(
    (q): q is string => q !== undefined,
  );
  const total = weightedTotal(scores);
  const rationale = [
    `Scored from observable signals: ${reasons.quality}; ${reasons.impact}; effort ${reasons.effort}.`,
    best ? `It is ${Math.round(best.score * 100)}% similar to contribution #${best.id}.` : "",
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
  const rationaleFacts: RationaleFact[] = [
    ...(best ? [{ kind: "similar" as const, percent: Math.round(best.score * 100), contributionId: best.id }] : []),
    ...(claimed.length > 0
      ? [{ kind: "claimed" as const, contributionIds: [...new Set(claimed.map((c) => c.contributionId))] }]
      : []),
    ...(injection.suspected ? [{ kind: "injection" as const, signals: [...injection.signals] }] : []),
    ...(stuffed ? [{ kind: "stuffed" as const }] : []),
    ...(flags.includes("low_evidence") ? [{ kind: "lowEvidence" as const }] : []),
  ];
  return {
    draft: { scores, total, confidence, rationale, evidence: quotes, droppedQuotes: 0, flags },
    explanation: {
      category: input.category,
      evidence,
      criteria: rubric.criteria.map((c) => ({
        criterion: c.name,
        facts: [...(facts[c.name] ?? [{ kind: "unmeasured" as const }]), ...evidenceFact(c.name)],
      })),
      rationale: rationaleFacts,
    },
  };
}

export function rubricEvaluate(input: EvaluationInput, rubric: Rubric): EvaluatorRun {
  const started = performance.now();
  const { draft, explanation } = rubricAssessment(input, rubric);
  return {
    draft,
    explanation,
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

import type { EvaluationExplanation } from "../base/evaluationExplanation.ts";
import type { LinkFacts } from "../base/githubFacts.ts";

/** What an evaluator sees of a contribution: the submission (as data) and a little context. */
export interface EvaluationInput {
  title: string;
  description: string;
  category: string;
  links: string[];
  hours: number | null;
  /** Earlier submissions of this guild (title + description) that may be near-duplicates: LSH candidates of its whole history. */
  earlier: { id: number; text: string; sameAuthor: boolean }[];
  /** How many contributions this author submitted before this one (withdrawn ones aside), whatever their state. */
  authorTrackRecord: number;
  /** Links of this submission that another contribution of the guild already claimed (by link key). */
  claimedElsewhere?: { key: string; contributionId: number }[];
  /** What GitHub says the code links are (read by Steward, not the member's words); absent when GitHub is not read. */
  githubFacts?: LinkFacts[];
}

export const FLAGS = [
  "possible_duplicate",
  "possible_duplicate_claim",
  "low_evidence",
  "prompt_injection_suspected",
  "keyword_stuffing",
  "needs_human",
  "not_authors_work",
  /** A merged PR of it was reverted later by a merged PR: held for a person. */
  "reverted",
  /** A PR merged by its own author in a repository only they control: paid at most at the unreviewed rate. */
  "self_merged",
  /** Small or same-day PRs of one repository split over several contributions of the author: held for a person. */
  "split_work",
] as const;
export type Flag = (typeof FLAGS)[number];

export type CriterionScore = {
  criterion: string;
  /** 0-10 */
  score: number;
  weight: number;
  reason: string;
};

/** One evaluator's verdict, before the reward policy and storage. */
export interface EvaluationDraft {
  scores: CriterionScore[];
  /** 0-100 */
  total: number;
  /** 0-1 */
  confidence: number;
  rationale: string;
  evidence: string[];
  droppedQuotes: number;
  flags: Flag[];
}

export interface EvaluatorRun {
  draft: EvaluationDraft;
  model: string;
  promptVersion: string;
  promptSha256: string;
  temperature: number;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  attempts: number;
  /** The rubric evaluator's reasons as facts (the LLM's reasons are its own words: none). */
  explanation?: EvaluationExplanation;
}

export function weightedTotal(scores: CriterionScore[]): number {
  const weights = scores.reduce((n, s) => n + s.weight, 0);
  if (weights === 0) return 0;
  const total = scores.reduce((n, s) => n + (Math.max(0, Math.min(10, s.score)) / 10) * s.weight, 0);
  return Math.round((total / weights) * 100);
}

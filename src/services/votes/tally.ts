/**
 * Tallies with snapshot.js `src/voting` semantics (single-choice, approval, weighted, quadratic, ranked-choice;
 * basic is single-choice over For / Against / Abstain). Choices are 1-based, balances are voting weights.
 * Floats as Snapshot's, except weighted sums, which are exact; ties are decided up to rounding noise (sameScore).
 */

import type { VotingType } from "../../votingTypes.ts";
import { ExactSum } from "./exactSum.ts";

export { VOTING_TYPES, type VotingType } from "../../votingTypes.ts";

export type Choice = number | number[] | Record<string, number>;

export interface TallyVote {
  choice: Choice;
  balance: number;
}

export const BASIC_CHOICES = ["For", "Against", "Abstain"] as const;

export function isValidChoice(type: VotingType, choice: unknown, choiceCount: number): boolean {
  const inRange = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= choiceCount;
  switch (type) {
    case "basic":
    case "single_choice":
      return inRange(choice);
    case "approval":
      return Array.isArray(choice) && choice.every(inRange) && new Set(choice).size === choice.length;
    case "ranked_choice":
      return (
        Array.isArray(choice) &&
        choice.length === choiceCount &&
        choice.every(inRange) &&
        new Set(choice).size === choice.length
      );
    case "weighted":
    case "quadratic": {
      if (typeof choice !== "object" || choice === null || Array.isArray(choice)) return false;
      // As on Snapshot: choices may get 0 points as long as one gets more.
      const entries = Object.entries(choice);
      return (
        entries.every(
          ([k, v]) =>
            inRange(Number(k)) && String(Number(k)) === k && typeof v === "number" && Number.isFinite(v) && v >= 0,
        ) && entries.some(([, v]) => (v as number) > 0)
      );
    }
  }
}

export interface Scores {
  /** One score per choice, in the proposal's order. */
  scores: number[];
  scoresTotal: number;
}

export function tally(type: VotingType, choiceCount: number, votes: readonly TallyVote[]): Scores {
  const valid = votes.filter((v) => isValidChoice(type, v.choice, choiceCount));
  const total = valid.reduce((a, v) => a + v.balance, 0);
  const indexes = Array.from({ length: choiceCount }, (_, i) => i + 1);
  switch (type) {
    case "basic":
    case "single_choice":
      return {
        scores: indexes.map((c) => valid.reduce((a, v) => (v.choice === c ? a + v.balance : a), 0)),
        scoresTotal: total,
      };
    case "approval":
      return {
        scores: indexes.map((c) => valid.reduce((a, v) => ((v.choice as number[]).includes(c) ? a + v.balance : a), 0)),
        scoresTotal: total,
      };
    case "weighted": {
      // Each ballot splits its weight by its points. The shares of a ballot add up to its weight, so the sums need
      // no normalising; they are exact, so equal sums are equal.
      const sums = indexes.map(() => new ExactSum());
      for (const v of valid) {
        const points = v.choice as Record<string, number>;
        const sum = Object.values(points).reduce((a, b) => a + b, 0);
        // Stryker disable next-line OptionalChaining: keys were validated in range, so the element always exists
        for (const [k, p] of Object.entries(points)) sums[Number(k) - 1]?.addProduct(v.balance, p, sum);
      }
      return { scores: sums.map((x) => x.toNumber()), scoresTotal: total };
    }
    case "quadratic": {
      const raw = indexes.map((c) => {
        // Stryker disable next-line ArithmeticOperator: the sum is squared, so summing negated roots gives the same score
        const sum = valid.reduce((a, v) => a + Math.sqrt(share(v.choice as Record<string, number>, c) * v.balance), 0);
        return sum * sum;
      });
      const rawTotal = raw.reduce((a, b) => a + b, 0);
      // Normalised so the scores add up to the total weight of the votes, as Snapshot does.
      return {
        scores: raw.map((r) => (rawTotal === 0 ? 0 : (total / 100) * ((r / rawTotal) * 100))),
        scoresTotal: total,
      };
    }
    case "ranked_choice": {
      const finalRound = instantRunoff(valid.map((v) => ({ ranking: v.choice as number[], balance: v.balance })));
      return { scores: indexes.map((c) => finalRound.get(c) ?? 0), scoresTotal: total };
    }
  }
}

/**
 * Equal up to floating-point noise (square roots in quadratic tallies, sums of float weights): a tie must not be
 * decided by the last bit of a rounding error.
 */
export function sameScore(a: number, b: number): boolean {
  // Stryker disable next-line EqualityOperator: < and <= differ only at exactly the tolerance, which no tally hits
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

/** A choice's share of one quadratic ballot (0 when the ballot gives it nothing). */
function share(choice: Record<string, number>, c: number): number {
  const sum = Object.values(choice).reduce((a, b) => a + b, 0);
  const part = (choice[String(c)] ?? Number.NaN) / sum;
  return Number.isNaN(part) ? 0 : part;
}

/**
 * Snapshot's instant runoff: every ranked candidate starts in the count; each round counts first preferences,
 * stops when the leader holds more than half the remaining weight or fewer than three candidates remain, and
 * otherwise eliminates the candidate with the least weight (ties: the lowest-numbered choice goes first).
 * Returns the final round's counts by choice.
 */
export function instantRunoff(ballots: { ranking: number[]; balance: number }[]): Map<number, number> {
  // Same rounds as Snapshot's recursive version, without copying ballots: each ballot keeps a cursor on its first
  // choice still in the count. A candidate leaves the count only by elimination, so the candidates of a round are
  // the initial ones minus the eliminated.
  // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: an empty ranking is an exhausted ballot below anyway
  const active = ballots.filter((b) => b.ranking.length > 0);
  const cursor = new Int32Array(active.length);
  const eliminated = new Set<number>();
  const candidates = [...new Set(active.flatMap((b) => b.ranking))].sort((a, b) => a - b);
  for (;;) {
    const counts = new Map<number, number>(candidates.filter((c) => !eliminated.has(c)).map((c) => [c, 0]));
    let totalPower = 0;
    for (let k = 0; k < active.length; k++) {
      const ranking = (active[k] as { ranking: number[] }).ranking;
      let at = cursor[k] as number;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end, ranking[at] is undefined, never eliminated
      while (at < ranking.length && eliminated.has(ranking[at] as number)) at++;
      cursor[k] = at;
      if (at === ranking.length) continue; // every choice on it eliminated: the ballot is exhausted
      const balance = (active[k] as { balance: number }).balance;
      const first = ranking[at] as number;
      counts.set(first, (counts.get(first) ?? 0) + balance);
      totalPower += balance;
    }
    let top = Number.NEGATIVE_INFINITY;
    let bottom: number | undefined;
    let bottomCount = Number.POSITIVE_INFINITY;
    // Candidates in ascending order: among counts tied for last (up to rounding noise), the lowest-numbered goes.
    for (const [c, n] of counts) {
      // Stryker disable next-line EqualityOperator: >= keeps the same maximum
      if (n > top) top = n;
      // Stryker disable next-line EqualityOperator: <= differs only for equal counts, which sameScore already excludes
      if (bottom === undefined || (n < bottomCount && !sameScore(n, bottomCount))) {
        bottomCount = n;
        bottom = c;
      }
    }
    // Stryker disable next-line EqualityOperator: >= differs only at exactly half, which sameScore already excludes
    const majority = top > totalPower / 2 && !sameScore(top, totalPower / 2);
    // Stryker disable next-line ConditionalExpression: bottom is undefined only with no candidates, caught by size < 3
    if (majority || counts.size < 3 || bottom === undefined) return counts;
    eliminated.add(bottom);
  }
}

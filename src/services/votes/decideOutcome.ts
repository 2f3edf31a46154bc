import { type Scores, sameScore, type TallyVote, tally, type VotingType } from "./tally.ts";

export interface OutcomeTerms {
  votingType: VotingType;
  choiceCount: number;
  /** Absolute weight the tally's total must reach (abstentions count, as on Snapshot). */
  quorumWeight: number;
  /** basic: For / (For + Against) must exceed it. */
  passThreshold: number;
  /** Payout proposals pass only when choice 1 (the payout) wins. */
  payout: boolean;
}

export interface Outcome extends Scores {
  voters: number;
  quorumMet: boolean;
  /** The 1-based choice with the strictly highest score; null when nobody voted or the top is tied. */
  winner: number | null;
  tie: boolean;
  status: "passed" | "rejected" | "expired";
}

/**
 * expired: quorum not reached (or no votes). basic: passed when For / (For + Against) > threshold, so a tie
 * fails. Other types: passed when one choice has the strictly highest score (a tie for first fails) and, for a
 * payout proposal, that choice is choice 1.
 */
export function decideOutcome(terms: OutcomeTerms, votes: readonly TallyVote[]): Outcome {
  const s = tally(terms.votingType, terms.choiceCount, votes);
  const quorumMet = votes.length > 0 && s.scoresTotal >= terms.quorumWeight;
  const top = Math.max(0, ...s.scores);
  const leaders = s.scores.flatMap((score, i) => (sameScore(score, top) && top > 0 ? [i + 1] : []));
  const winner = leaders.length === 1 ? (leaders[0] as number) : null;
  const tie = leaders.length > 1;
  let passes: boolean;
  if (terms.votingType === "basic") {
    const [forW = 0, against = 0] = s.scores;
    passes = forW + against > 0 && forW / (forW + against) > terms.passThreshold;
  } else {
    passes = winner !== null && (!terms.payout || winner === 1);
  }
  return {
    ...s,
    voters: votes.length,
    quorumMet,
    winner,
    tie,
    status: !quorumMet ? "expired" : passes ? "passed" : "rejected",
  };
}

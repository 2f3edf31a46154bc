import { isPayoutKind } from "../proposals/payoutOf.ts";
import { decideOutcome, type Outcome } from "./decideOutcome.ts";
import type { Choice, VotingType } from "./tally.ts";

export interface ProposalResult {
  all: Outcome;
  /** The same tally without the votes of the payout's recipients. */
  withoutConflicted: Outcome;
  conflictedVoters: number;
  /** Which of the two decides: EXCLUDE_CONFLICTED_VOTES when the vote opened. */
  binding: "all" | "withoutConflicted";
}

interface TallyInput {
  kind: string;
  votingType: VotingType | null;
  choices: string[];
  quorumWeight: number | null;
  passThreshold: number | null;
  excludeConflicted: boolean | null;
}

export function resultOf(
  proposal: TallyInput,
  votes: readonly { choice: unknown; weight: number; conflicted: boolean }[],
): ProposalResult {
  const terms = {
    votingType: proposal.votingType ?? "basic",
    choiceCount: proposal.choices.length,
    quorumWeight: proposal.quorumWeight ?? 0,
    passThreshold: proposal.passThreshold ?? 0.5,
    // A policy, like a payout, is adopted only when choice 1 (the candidate as posted) wins.
    payout: isPayoutKind(proposal.kind) || proposal.kind === "policy",
  };
  const ballots = (list: typeof votes) => list.map((v) => ({ choice: v.choice as Choice, balance: v.weight }));
  return {
    all: decideOutcome(terms, ballots(votes)),
    withoutConflicted: decideOutcome(terms, ballots(votes.filter((v) => !v.conflicted))),
    conflictedVoters: votes.filter((v) => v.conflicted).length,
    binding: proposal.excludeConflicted ? "withoutConflicted" : "all",
  };
}

import type { HeldLineProblem } from "../../base/heldLineProblem.ts";
import type { PayoutFailureRecord } from "../../base/payoutFailure.ts";
import type { PlannedElsewhere } from "../../base/payoutStuck.ts";

/** A payout chunk as moderators know it: its proposal and its place among the proposal's chunks (0-based). */
export interface ChunkRef {
  proposalId: number;
  chunkIndex: number;
  chunkCount: number;
}

/** A line the distributor holds, as listed in the note that tells of it (amount in smallest units). */
export interface HeldLineRef {
  id: number;
  lineIndex: number;
  recipient: string;
  amount: string;
}

/**
 * What moderators are told (payouts, calibration, compute nodes), as facts; the Discord view puts them in words. A `reason` is a sentence
 * that is stored as words elsewhere too (a chunk's `stuckReason`, a chain's refusal), carried as it is.
 */
export type ModeratorFact =
  | { kind: "proposal_not_paid"; proposalId: number; reason: string }
  | { kind: "proposal_not_planned"; proposalId: number; reason: string }
  | { kind: "proposal_waits"; proposalId: number; reason: string }
  | { kind: "chunk_stuck"; chunk: ChunkRef; reason: string }
  /** `failure`: facts; notes queued before failures were facts carry `reason`, a sentence, instead. */
  | { kind: "chunk_failed"; chunk: ChunkRef; total: string; failure?: PayoutFailureRecord; reason?: string }
  /** `stopped`: facts; notes queued before reasons were facts carry `reason`, a sentence, instead. */
  | { kind: "settlement_stopped"; stopped?: PlannedElsewhere; reason?: string }
  /** `lines`: the first ten of the `count` lines held. */
  | { kind: "lines_held"; chunk: ChunkRef; count: number; lines: HeldLineRef[] }
  | {
      kind: "held_line_released";
      line: Omit<HeldLineRef, "lineIndex">;
      proposalId: number;
      how: "claimed" | "redirected" | "returned";
      to: string;
      txHash: string;
    }
  /** The jury's agreement with the model was below CALIBRATION_MIN_AGREEMENT at an epoch's close. */
  | {
      kind: "jury_disagrees";
      epochNumber: number;
      proposalId: number | null;
      spearman: number;
      minAgreement: number;
      policy: "hold" | "jury";
      /** Contribution ids flagged for review (`hold`), or paid the jury's score (`jury`). */
      held: number[];
      juryPaid: number[];
    }
  /** A newcomer asked for a mentor (`/mentor request`): mentors see it with an Accept button. */
  | { kind: "mentor_requested"; mentorshipId: number; newcomer: string; note: string | null }
  /** A mentor accepted: the newcomer is told who (they are mentioned; the mentor is named). */
  | { kind: "mentor_accepted"; mentorshipId: number; newcomer: string; mentor: string }
  /**
   * A mentorship (or a request: `mentor` null) was ended `by` someone: `tell` are those of the newcomer and the mentor
   * who did not end it, mentioned (never empty: with nobody to tell there is no note).
   */
  | {
      kind: "mentor_ended";
      mentorshipId: number;
      newcomer: string;
      mentor: string | null;
      by: string;
      tell: string[];
    }
  /** A mentored newcomer's contribution waits up to `waitMs` for their mentor's review. */
  | { kind: "mentor_review_due"; contributionId: number; mentor: string; newcomer: string; waitMs: number }
  | {
      kind: "held_line_relay_refused";
      line: Omit<HeldLineRef, "lineIndex">;
      proposalId: number;
      relay: "claim" | "return";
      /** Facts; `reason`: the words a note queued before problems were facts carries. */
      problem?: HeldLineProblem;
      reason?: string;
    }
  /** A node's last `failures` decided capacity challenges all failed: it earns only the CPU rate. */
  | { kind: "node_challenges_failed"; nodeId: number; failures: number };

import type { ChainRefusalFact } from "../../../base/chainRefusal.ts";
import type { PayoutFailureRecord } from "../../../base/payoutFailure.ts";

export type IntentOutcome =
  | { state: "confirmed" }
  | { state: "failed"; failure: PayoutFailureRecord }
  | { state: "waiting"; wait: IntentWait };

/** Why a chunk is not confirmed yet, as facts (the job's summary words them). */
export type IntentWait =
  | { kind: "safe_execution"; chunkIndex: number }
  | { kind: "not_mined"; txHash: string | null }
  | { kind: "not_saved"; blockNumber: number }
  | { kind: "confirming"; confirmations: number; needed: number }
  /** `reason`: the chain's refusal of the replacement, in its words. */
  | { kind: "fee_bump_refused"; txHash: string | null; refusal: ChainRefusalFact };

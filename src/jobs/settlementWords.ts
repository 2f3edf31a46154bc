import { chainRefusalText } from "../base/chainRefusalText.ts";
import { plannedElsewhereText } from "../base/payoutStuckText.ts";
import type { AnchorSkip } from "../services/audit/publishAnchors.ts";
import type { IntentWait } from "../services/settlement/advanceIntent.ts";
import type { SettleSkip } from "../services/settlement/settlePayouts.ts";

/** Why a settle run did nothing, in the words of its job summary (and `steward job run settle`). */
export function settleSkipText(skip: SettleSkip): string {
  switch (skip.kind) {
    case "no_chain":
      return "no chain is configured (RPC_URL), so payouts stop at approved";
    case "blocked":
      return skip.reason;
    case "planned_elsewhere":
      return plannedElsewhereText(skip.stopped);
    case "treasury_busy":
      return "another process is settling from this treasury";
  }
}

/** Why a chunk is not confirmed yet, in words. */
export function intentWaitText(wait: IntentWait): string {
  switch (wait.kind) {
    case "safe_execution":
      return `chunk ${wait.chunkIndex + 1} waits for the Safe to execute it`;
    case "not_mined":
      return `transaction ${wait.txHash} not mined yet`;
    case "not_saved":
      return `block ${wait.blockNumber} is confirmed but the local chain has not saved it yet`;
    case "confirming":
      return `${wait.confirmations} of ${wait.needed} confirmations`;
    case "fee_bump_refused":
      return `transaction ${wait.txHash} is not mined and cannot be sent with a higher fee: ${chainRefusalText(wait.refusal)}`;
  }
}

/** Why the audit head stayed off chain, in words. */
export function anchorSkipText(skip: AnchorSkip): string {
  switch (skip.kind) {
    case "no_anchor_contract":
      return "no AuditAnchor contract on this chain (set ANCHOR_ADDRESS)";
    case "safe_treasury":
      return "the treasury is a Safe: Steward holds no key to anchor with";
    case "no_chain":
      return "no chain is configured: the head is kept in #governance only";
    case "blocked":
      return skip.reason;
    case "settle_running":
      return "a settle run holds the treasury: it publishes the anchor next";
    case "payout_waiting":
      return "a payout waits for its transaction: the next settle run anchors";
  }
}

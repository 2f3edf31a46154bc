import { chainRefusalText } from "./chainRefusalText.ts";
import type { PayoutFailureRecord } from "./payoutFailure.ts";

/** Why a payout chunk failed, in words (a sentence stored before failures were facts is shown as it is). */
export function payoutFailureText(f: PayoutFailureRecord): string {
  if (typeof f === "string") return f;
  switch (f.kind) {
    case "amount_unpackable":
      return `a line of this chunk cannot be paid: amount ${f.amount} cannot be packed`;
    case "pays_contract":
      return `line ${f.line} of this chunk pays ${f.recipient}, the distributor or token contract itself: the amount would be stranded`;
    case "treasury_short":
      return `the treasury ${f.treasury} holds ${f.balance} and this chunk needs ${f.needed} (smallest units)`;
    case "allowance_short":
      return `the treasury allows the distributor ${f.allowance} and this chunk needs ${f.needed}: approve more`;
    case "chain_refused":
      return f.refusal ? chainRefusalText(f.refusal) : (f.reason ?? "the chain refused the transaction");
    case "settled_other_lines":
      return `batch id ${f.batchId} was settled on chain by transaction ${f.txHash} with other lines than this chunk's (lines hash ${f.linesHash}): this chunk was not paid as voted; look at that transaction before anything else`;
    case "reverted":
      return `transaction ${f.txHash} reverted on-chain in block ${f.blockNumber}`;
    case "nonce_taken":
      return `nonce ${f.nonce} of the treasury was used by another transaction; this chunk was not paid`;
    case "tx_gone":
      return `transaction ${f.txHash}, which paid this chunk, is no longer on the chain`;
  }
}

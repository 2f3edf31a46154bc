import { type Translator, translator } from "../i18n/translator.ts";
import { chainRefusalText } from "./chainRefusalText.ts";
import type { PayoutFailureRecord } from "./payoutFailure.ts";

/**
 * Why a payout chunk failed, in words: the reader's language in Discord, English (the default) in logs and the CLI.
 * A sentence stored before failures were facts, and what the chain said itself, are shown as they are.
 */
export function payoutFailureText(f: PayoutFailureRecord, t: Translator = translator("en")): string {
  if (typeof f === "string") return f;
  switch (f.kind) {
    case "amount_unpackable":
      return t.t("payout.failure.amountUnpackable", { amount: f.amount });
    case "pays_contract":
      return t.t("payout.failure.paysContract", { line: f.line, recipient: f.recipient });
    case "treasury_short":
      return t.t("payout.failure.treasuryShort", { treasury: f.treasury, balance: f.balance, needed: f.needed });
    case "allowance_short":
      return t.t("payout.failure.allowanceShort", { allowance: f.allowance, needed: f.needed });
    case "chain_refused":
      return f.refusal ? chainRefusalText(f.refusal) : (f.reason ?? t.t("payout.failure.chainRefused"));
    case "settled_other_lines":
      return t.t("payout.failure.settledOtherLines", { batchId: f.batchId, txHash: f.txHash, linesHash: f.linesHash });
    case "reverted":
      return t.t("payout.failure.reverted", { txHash: String(f.txHash), block: String(f.blockNumber) });
    case "nonce_taken":
      return t.t("payout.failure.nonceTaken", { nonce: String(f.nonce) });
    case "tx_gone":
      return t.t("payout.failure.txGone", { txHash: String(f.txHash) });
  }
}

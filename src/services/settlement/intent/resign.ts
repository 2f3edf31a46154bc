import type { PayoutIntent } from "../../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../deps.ts";
import { ChainRefusal } from "../settlementChain.ts";
import type { SettlementDeps } from "../settlementDeps.ts";
import { callOf } from "./callOf.ts";
import type { IntentOutcome } from "./intentOutcome.ts";
import { saveIntent } from "./saveIntent.ts";
import { sentOf } from "./sentTransactions.ts";

/**
 * The same payment signed again: at another nonce (a gap below it), or at its own with higher fees (`replacing`).
 * Every signed transaction is kept (sentTxs), so whichever is mined is adopted. A refusal to sign (the fee cap) is
 * a wait, not a failure: the transaction already sent may still be mined.
 */
export async function resign(
  deps: Pick<ServiceDeps, "db" | "now">,
  settlement: SettlementDeps,
  intent: PayoutIntent,
  nonce: number,
  replacing: string | undefined,
): Promise<PayoutIntent | IntentOutcome> {
  let signed: { raw: string; hash: string };
  try {
    signed = await settlement.chain.sign(callOf(intent), nonce, replacing ? { replacing } : {});
  } catch (error) {
    if (!(error instanceof ChainRefusal)) throw error;
    return {
      state: "waiting",
      wait: { kind: "fee_bump_refused", txHash: intent.txHash, refusal: error.fact },
    };
  }
  return saveIntent(
    deps,
    intent,
    replacing ? "payout.fee_bumped" : "payout.resigned",
    {
      status: "signed",
      nonce,
      rawTx: signed.raw,
      txHash: signed.hash,
      sentTxs: [...sentOf(intent), { hash: signed.hash, raw: signed.raw }],
    },
    { txHash: signed.hash, replaced: intent.txHash, nonce, previousNonce: intent.nonce },
  );
}

import type { PayoutIntent } from "../../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../deps.ts";
import type { SettlementDeps } from "../settlementDeps.ts";
import { callOf } from "./callOf.ts";
import type { IntentOutcome } from "./intentOutcome.ts";
import { failIntent, saveIntent } from "./saveIntent.ts";

/** The transaction the chain shows paid this chunk becomes the intent's (its own, or one the database lost). */
const adopt = (paid: { txHash: string; blockNumber: number }) =>
  ({ status: "mined", txHash: paid.txHash, blockNumber: paid.blockNumber, rawTx: null }) as const;

/**
 * When the chain shows this chunk settled, the intent adopts the transaction that paid it (else null). A distributor
 * that commits to the lines (version 2) must show this chunk's very lines: a batch id settled with other lines (by
 * hand, or by a Safe transaction built elsewhere) fails the chunk for a person to look at, never counts as paid.
 */
export async function adoptIfSettled(
  deps: Pick<ServiceDeps, "db" | "now">,
  chain: SettlementDeps["chain"],
  intent: PayoutIntent,
): Promise<PayoutIntent | IntentOutcome | null> {
  if (!(await chain.isSettled(intent.batchId))) return null;
  const event = await chain.findSettled(intent.batchId);
  if (!event) return null;
  const paid = { txHash: event.txHash, blockNumber: event.blockNumber };
  if (event.linesHash !== null && event.linesHash.toLowerCase() !== chain.linesHash(callOf(intent)).toLowerCase()) {
    return failIntent(deps, intent, {
      kind: "settled_other_lines",
      batchId: intent.batchId,
      txHash: event.txHash,
      linesHash: event.linesHash,
    });
  }
  return saveIntent(deps, intent, "payout.found_settled", adopt(paid), paid);
}

import type { PayoutIntent } from "../../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../deps.ts";
import { recordHeldLines } from "../recordHeldLines.ts";
import type { SettlementDeps } from "../settlementDeps.ts";
import type { IntentOutcome } from "./intentOutcome.ts";
import { pause } from "./pause.ts";
import { failIntent, saveIntent } from "./saveIntent.ts";

/** Waits for the confirmations (and the block saved as settled) before the chunk counts as paid; a block the chain lost sends the transaction again. */
export async function awaitConfirmed(
  deps: Pick<ServiceDeps, "db" | "now">,
  settlement: SettlementDeps,
  start: PayoutIntent,
  deadline: number,
): Promise<PayoutIntent | IntentOutcome> {
  const { chain, checkpoint } = settlement;
  let intent = start;
  const receipt = await chain.receipt(intent.txHash as string);
  if (!receipt && !intent.rawTx) {
    return failIntent(deps, intent, { kind: "tx_gone", txHash: intent.txHash });
  }
  if (!receipt) {
    // The chain no longer has the block (a restarted local chain, a reorg): send the same transaction again.
    intent = await saveIntent(
      deps,
      intent,
      "payout.unmined",
      { status: "signed", blockNumber: null, gasUsed: null },
      {
        txHash: intent.txHash,
      },
    );
    return intent;
  }
  const head = await chain.blockNumber();
  const durable = settlement.savedBlock() >= receipt.blockNumber;
  if (head - receipt.blockNumber + 1 >= settlement.confirmations && durable) {
    const lines = await chain.settledLines(intent.txHash as string, intent.batchId);
    const held = lines?.held ?? [];
    const heldAt = held.length > 0 ? await chain.chainTime() : 0;
    checkpoint("before-save-confirmed", intent.proposalId);
    intent = await saveIntent(
      deps,
      intent,
      "payout.confirmed",
      {
        status: "confirmed",
        confirmedAt: deps.now(),
        blockNumber: receipt.blockNumber,
      },
      {
        txHash: intent.txHash,
        blockNumber: receipt.blockNumber,
        confirmations: head - receipt.blockNumber + 1,
        ...(held.length > 0
          ? {
              held: held.map((h) => ({
                lineId: h.lineId,
                index: h.index,
                recipient: h.recipient,
                amount: h.amount.toString(),
              })),
            }
          : {}),
      },
      held.length > 0 ? (tx, guildId) => recordHeldLines(tx, intent, guildId, held, heldAt, deps.now()) : undefined,
    );
    checkpoint("after-save-confirmed", intent.proposalId);
    return intent;
  }
  if (Date.now() > deadline) {
    return {
      state: "waiting",
      wait:
        head - receipt.blockNumber + 1 >= settlement.confirmations
          ? { kind: "not_saved", blockNumber: receipt.blockNumber }
          : {
              kind: "confirming",
              confirmations: head - receipt.blockNumber + 1,
              needed: settlement.confirmations,
            },
    };
  }
  await pause(settlement);
  return intent;
}

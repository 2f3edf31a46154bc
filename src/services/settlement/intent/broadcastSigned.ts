import type { PayoutIntent } from "../../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../deps.ts";
import { ChainRefusal } from "../settlementChain.ts";
import type { SettlementDeps } from "../settlementDeps.ts";
import type { IntentOutcome } from "./intentOutcome.ts";
import { failIntent, saveIntent } from "./saveIntent.ts";

/** Sends the signed transaction; a refusal for good fails the chunk (its nonce is free again). */
export async function broadcastSigned(
  deps: Pick<ServiceDeps, "db" | "now">,
  settlement: SettlementDeps,
  start: PayoutIntent,
): Promise<PayoutIntent | IntentOutcome> {
  const { chain, checkpoint } = settlement;
  let intent = start;
  try {
    await chain.broadcast(intent.rawTx as string);
  } catch (error) {
    // Refused for good (intrinsic gas, funds, an invalid transaction): the chunk fails with the node's words
    // and its nonce is free again; `/payout retry` signs it anew. Anything else is tried again next run.
    if (error instanceof ChainRefusal) return failIntent(deps, intent, { kind: "chain_refused", refusal: error.fact });
    throw error;
  }
  checkpoint("after-broadcast", intent.proposalId);
  intent = await saveIntent(
    deps,
    intent,
    "payout.broadcast",
    { status: "broadcast", sentAtBlock: await chain.blockNumber() },
    { txHash: intent.txHash },
  );
  checkpoint("after-save-broadcast", intent.proposalId);
  return intent;
}

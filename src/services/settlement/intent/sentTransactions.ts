import { readSentTxs, type SentTx } from "../../../db/json/sentTxs.ts";
import type { PayoutIntent } from "../../../generated/prisma/client.ts";
import type { SettlementDeps } from "../settlementDeps.ts";

/** Every transaction signed for this chunk's current payment, oldest first (the current one last). */
export function sentOf(intent: PayoutIntent): SentTx[] {
  const stored = readSentTxs(intent);
  if (intent.txHash && intent.rawTx && !stored.some((t) => t.hash === intent.txHash)) {
    return [...stored, { hash: intent.txHash, raw: intent.rawTx }];
  }
  return stored;
}

/** The sent transaction that was mined, the current one first, with its receipt. */
export async function minedOf(chain: SettlementDeps["chain"], intent: PayoutIntent) {
  const sent = sentOf(intent);
  const current = sent.find((t) => t.hash === intent.txHash) ?? {
    hash: intent.txHash as string,
    raw: intent.rawTx ?? "",
  };
  for (const tx of [current, ...sent.filter((t) => t.hash !== intent.txHash)]) {
    const receipt = await chain.receipt(tx.hash);
    if (receipt) return { tx, receipt };
  }
  return null;
}

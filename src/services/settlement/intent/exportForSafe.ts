import { tokenAmountText } from "../../../base/token.ts";
import { readPayoutEntries } from "../../../db/json/payoutEntries.ts";
import type { PayoutIntent } from "../../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../deps.ts";
import { safeBatchFile } from "../safeBatchFile.ts";
import type { SettleCall } from "../settlementChain.ts";
import type { SettlementDeps } from "../settlementDeps.ts";
import { saveIntent } from "./saveIntent.ts";

/**
 * SETTLEMENT_MODE=safe-export: the chunk's calls (an approval when the Safe's allowance is short, then `settle`) as a
 * Safe Transaction Builder batch, stored on the intent, which waits for the Safe to execute it. The distributor's
 * `Settled(batchId)` event then completes it like any other payout. The allowance is checked against every chunk
 * still waiting for the Safe, so that files executed together (or in one Safe transaction) all pass; a non-zero
 * allowance is set to zero first (tokens like USDT refuse to change one that is not).
 */
export async function exportForSafe(
  deps: Pick<ServiceDeps, "db" | "now" | "token">,
  settlement: SettlementDeps,
  intent: PayoutIntent,
  call: SettleCall,
  allowance: bigint,
): Promise<PayoutIntent> {
  const { chain } = settlement;
  const waiting = await deps.db.payoutIntent.aggregate({
    where: {
      chainId: chain.chainId,
      distributor: chain.distributor,
      token: chain.token,
      status: "awaiting_execution",
      id: { not: intent.id },
    },
    _sum: { total: true },
  });
  const needed = call.total + BigInt(waiting._sum.total?.toFixed() ?? "0");
  const short = allowance < needed;
  // With enough allowance the call can be simulated as the Safe will make it; otherwise its approval comes first.
  if (!short) await chain.preflight(call);
  const lines = readPayoutEntries(intent);
  const listed = lines
    .slice(0, 20)
    .map((l) => `${l.recipient} ${tokenAmountText(BigInt(l.amount), deps.token)}`)
    .join("; ");
  const batch = safeBatchFile({
    chainId: chain.chainId,
    safe: chain.treasury,
    name: `Steward payout of proposal #${intent.proposalId}, chunk ${intent.chunkIndex + 1} of ${intent.chunkCount}`,
    description: `Pays ${lines.length} recipient(s) ${tokenAmountText(call.total, deps.token)} (${call.total} smallest units of ${chain.token}) through the distributor ${chain.distributor} (batch ${intent.batchId}): ${listed}${lines.length > 20 ? `; and ${lines.length - 20} more` : ""}.`,
    createdAt: deps.now(),
    transactions: chain.safeCalls(call, short ? { amount: needed, fromZero: allowance > 0n } : null),
  });
  return saveIntent(
    deps,
    intent,
    "payout.exported",
    { status: "awaiting_execution", safeBatch: batch },
    {
      safe: chain.treasury,
      calls: batch.transactions.length,
    },
  );
}

import { readPayoutEntries } from "../../../db/json/payoutEntries.ts";
import type { PayoutIntent } from "../../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../deps.ts";
import { UnpackableAmount } from "../chunkBatch.ts";
import { ChainRefusal, type SettleCall } from "../settlementChain.ts";
import type { SettlementDeps } from "../settlementDeps.ts";
import { adoptIfSettled } from "./adoptIfSettled.ts";
import { callOf } from "./callOf.ts";
import { exportForSafe } from "./exportForSafe.ts";
import type { IntentOutcome } from "./intentOutcome.ts";
import { nextNonce } from "./nextNonce.ts";
import { failIntent, saveIntent } from "./saveIntent.ts";
import { sentOf } from "./sentTransactions.ts";

/** Signs the chunk's payment (or exports it for the Safe) once the chain, the lines and the treasury's funds allow it; a chunk the chain already paid is adopted. */
export async function planPayment(
  deps: Pick<ServiceDeps, "db" | "now" | "token">,
  settlement: SettlementDeps,
  start: PayoutIntent,
): Promise<PayoutIntent | IntentOutcome> {
  const { chain, checkpoint } = settlement;
  let intent = start;
  const adopted = await adoptIfSettled(deps, chain, intent);
  if (adopted && "state" in adopted) return adopted;
  if (adopted) {
    return adopted;
  }
  let call: SettleCall;
  try {
    call = callOf(intent);
  } catch (error) {
    // A line the distributor cannot take (0, or above 2^96 - 1 units): said, not thrown at every run.
    if (error instanceof UnpackableAmount)
      return failIntent(deps, intent, { kind: "amount_unpackable", amount: error.amount });
    throw error;
  }
  const lines = readPayoutEntries(intent);
  const own = lines.findIndex((l) =>
    [chain.distributor, chain.token].some((a) => a.toLowerCase() === l.recipient.toLowerCase()),
  );
  if (own >= 0) {
    // Paid to the distributor it would sit there outside any held line; to the token, lost.
    return failIntent(deps, intent, { kind: "pays_contract", line: own + 1, recipient: lines[own]?.recipient ?? "" });
  }
  const { balance, allowance } = await chain.funds();
  if (balance < call.total) {
    const needed = call.total.toString();
    return failIntent(deps, intent, {
      kind: "treasury_short",
      treasury: chain.treasury,
      balance: `${balance}`,
      needed,
    });
  }
  if (allowance < call.total && settlement.mode === "send") {
    return failIntent(deps, intent, {
      kind: "allowance_short",
      allowance: allowance.toString(),
      needed: call.total.toString(),
    });
  }
  if (settlement.mode === "safe-export") {
    intent = await exportForSafe(deps, settlement, intent, call, allowance);
    return intent;
  }
  let signed: { raw: string; hash: string };
  let nonce: number;
  try {
    await chain.preflight(call);
    nonce = await nextNonce(deps, settlement);
    signed = await chain.sign(call, nonce);
  } catch (error) {
    if (error instanceof ChainRefusal) return failIntent(deps, intent, { kind: "chain_refused", refusal: error.fact });
    throw error;
  }
  checkpoint("before-save-signed", intent.proposalId);
  intent = await saveIntent(
    deps,
    intent,
    "payout.signed",
    {
      status: "signed",
      nonce,
      rawTx: signed.raw,
      txHash: signed.hash,
      sentTxs: [...sentOf(intent), { hash: signed.hash, raw: signed.raw }],
    },
    { txHash: signed.hash, nonce },
  );
  checkpoint("after-save-signed", intent.proposalId);
  return intent;
}

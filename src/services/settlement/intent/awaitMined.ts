import type { PayoutIntent } from "../../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../deps.ts";
import { ChainRefusal } from "../settlementChain.ts";
import type { SettlementDeps } from "../settlementDeps.ts";
import { adoptIfSettled } from "./adoptIfSettled.ts";
import type { IntentOutcome } from "./intentOutcome.ts";
import { nothingOursBelow } from "./nothingOursBelow.ts";
import { pause } from "./pause.ts";
import { resign } from "./resign.ts";
import { failIntent, saveIntent } from "./saveIntent.ts";
import { minedOf } from "./sentTransactions.ts";

/** Waits for whichever transaction sent at the nonce to be mined; re-signs past a nonce gap or with higher fees, and sends the same transaction again when the chain dropped it. */
export async function awaitMined(
  deps: Pick<ServiceDeps, "db" | "now">,
  settlement: SettlementDeps,
  start: PayoutIntent,
  deadline: number,
): Promise<PayoutIntent | IntentOutcome> {
  const { chain, checkpoint } = settlement;
  let intent = start;
  // Whichever transaction sent for this nonce was mined pays the chunk (a fee bump replaces, it may lose).
  const mined = await minedOf(chain, intent);
  if (mined) {
    const { tx, receipt } = mined;
    if (tx.hash !== intent.txHash) {
      intent = await saveIntent(
        deps,
        intent,
        "payout.replacement_mined",
        { txHash: tx.hash, rawTx: tx.raw },
        {
          txHash: tx.hash,
          replaced: intent.txHash,
        },
      );
    }
    if (!receipt.success) {
      const adopted = await adoptIfSettled(deps, chain, intent);
      if (adopted && "state" in adopted) return adopted;
      if (adopted) {
        return adopted;
      }
      return failIntent(deps, intent, { kind: "reverted", txHash: intent.txHash, blockNumber: receipt.blockNumber });
    }
    checkpoint("before-save-mined", intent.proposalId);
    intent = await saveIntent(
      deps,
      intent,
      "payout.mined",
      {
        status: "mined",
        blockNumber: receipt.blockNumber,
        gasUsed: receipt.gasUsed.toString(),
      },
      { txHash: intent.txHash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed.toString() },
    );
    checkpoint("after-save-mined", intent.proposalId);
    return intent;
  }
  const { latest, pending } = await chain.nonces();
  const nonce = intent.nonce as number;
  if (latest < nonce && pending <= nonce && (await nothingOursBelow(deps, settlement, intent, latest))) {
    // A nonce below this one was never used (a transaction before it was dropped): this one can never be
    // mined. It is signed again at the first free nonce; the old one is kept, in case it is mined after all.
    const resigned = await resign(deps, settlement, intent, pending, undefined);
    if ("state" in resigned) return resigned;
    return resigned;
  }
  const head = await chain.blockNumber();
  const age = intent.sentAtBlock === null ? 0 : head - intent.sentAtBlock;
  if (settlement.feeBumpAfterBlocks > 0 && age >= settlement.feeBumpAfterBlocks) {
    // Not mined for FEE_BUMP_AFTER blocks: the same payment with higher fees replaces it at the same nonce.
    const bumped = await resign(deps, settlement, intent, nonce, intent.rawTx ?? undefined);
    if ("state" in bumped) {
      // The bump was refused (MAX_FEE_GWEI): the transaction already sent stays the one to mine. A node drops a
      // transaction whose fee falls below the base fee; sent again, it is mined once fees come back down. Best
      // effort: a node that still refuses it now is asked again at the next run.
      if (bumped.state === "waiting" && bumped.wait.kind === "fee_bump_refused" && intent.rawTx) {
        await chain.broadcast(intent.rawTx).catch(() => undefined);
      }
      return bumped;
    }
    return bumped;
  }
  if (latest > nonce) {
    // The nonce was used, but not by this transaction (no receipt): another transaction of the treasury.
    const adopted = await adoptIfSettled(deps, chain, intent);
    if (adopted && "state" in adopted) return adopted;
    if (adopted) {
      return adopted;
    }
    return failIntent(deps, intent, { kind: "nonce_taken", nonce: intent.nonce });
  }
  if (Date.now() > deadline) {
    return { state: "waiting", wait: { kind: "not_mined", txHash: intent.txHash } };
  }
  // Not mined and the nonce is free: the chain may have dropped it (a restart); the same transaction again.
  try {
    await chain.broadcast(intent.rawTx as string);
  } catch (error) {
    if (error instanceof ChainRefusal) return failIntent(deps, intent, { kind: "chain_refused", refusal: error.fact });
    throw error;
  }
  await pause(settlement);
  return intent;
}

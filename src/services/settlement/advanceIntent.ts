import { readPayoutEntries } from "../../db/json/payoutEntries.ts";
import { readSentTxs, type SentTx } from "../../db/json/sentTxs.ts";
import type { PayoutIntent, Prisma } from "../../generated/prisma/client.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { ServiceDeps } from "../deps.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { tokenText } from "../tokenText.ts";
import { packPayouts } from "./chunkBatch.ts";
import { holdingNonces } from "./holdingNonces.ts";
import { recordHeldLines } from "./recordHeldLines.ts";
import { safeBatchFile } from "./safeBatchFile.ts";
import { ChainRefusal, type SettleCall } from "./settlementChain.ts";
import type { SettlementDeps } from "./settlementDeps.ts";

export type IntentOutcome =
  | { state: "confirmed" }
  | { state: "failed"; reason: string }
  | { state: "waiting"; why: string };

const callOf = (intent: PayoutIntent): SettleCall => ({
  batchId: intent.batchId,
  payouts: packPayouts(readPayoutEntries(intent)),
  total: BigInt(intent.total.toFixed()),
});

/**
 * Moves one payout intent along planned → signed → broadcast → mined → confirmed, saving each step before taking
 * the next, so that a crash anywhere resumes from what the database and the chain say:
 * - the raw transaction and its hash are stored before it is sent; afterwards only that same transaction (same
 *   nonce) is sent again, so a chunk can never be paid by two transactions;
 * - the distributor's `settled(batchId)` and its `Settled` event are the final word: a chunk the chain already paid
 *   is recorded as paid, never sent again;
 * - a transaction the chain forgot (a restarted local chain, a reorg) is sent again as signed.
 * Returns `waiting` when the chain has not mined or confirmed it yet: the caller stops there (one transaction at a
 * time per treasury) and a later run continues.
 */
export async function advanceIntent(
  deps: ServiceDeps,
  settlement: SettlementDeps,
  start: PayoutIntent,
): Promise<IntentOutcome> {
  const { chain, checkpoint } = settlement;
  let intent = start;
  const deadline = Date.now() + settlement.receiptWaitMs;
  for (;;) {
    // Stryker disable next-line all: settle advances only unfinished intents, and a failure returns at once: no intent enters this loop failed
    if (intent.status === "failed") return { state: "failed", reason: intent.failureReason ?? "failed" };
    switch (intent.status) {
      case "confirmed":
        return { state: "confirmed" };
      case "awaiting_execution": {
        const adopted = await adoptIfSettled(deps, chain, intent);
        if (adopted && "state" in adopted) return adopted;
        if (adopted) {
          intent = adopted;
          break;
        }
        return { state: "waiting", why: `chunk ${intent.chunkIndex + 1} waits for the Safe to execute it` };
      }
      case "planned": {
        const adopted = await adoptIfSettled(deps, chain, intent);
        if (adopted && "state" in adopted) return adopted;
        if (adopted) {
          intent = adopted;
          break;
        }
        let call: SettleCall;
        try {
          call = callOf(intent);
        } catch (error) {
          // A line the distributor cannot take (0, or above 2^96 - 1 units): said, not thrown at every run.
          // Stryker disable next-line ConditionalExpression: packing throws nothing but RangeError
          if (error instanceof RangeError)
            return fail(deps, intent, `a line of this chunk cannot be paid: ${error.message}`);
          throw error;
        }
        const lines = readPayoutEntries(intent);
        const own = lines.findIndex((l) =>
          [chain.distributor, chain.token].some((a) => a.toLowerCase() === l.recipient.toLowerCase()),
        );
        if (own >= 0) {
          // Paid to the distributor it would sit there outside any held line; to the token, lost.
          return fail(
            deps,
            intent,
            `line ${own + 1} of this chunk pays ${lines[own]?.recipient}, the distributor or token contract itself: the amount would be stranded`,
          );
        }
        const { balance, allowance } = await chain.funds();
        if (balance < call.total) {
          return fail(
            deps,
            intent,
            `the treasury ${chain.treasury} holds ${balance} and this chunk needs ${call.total} (smallest units)`,
          );
        }
        if (allowance < call.total && settlement.mode === "send") {
          return fail(
            deps,
            intent,
            `the treasury allows the distributor ${allowance} and this chunk needs ${call.total}: approve more`,
          );
        }
        if (settlement.mode === "safe-export") {
          intent = await exportForSafe(deps, settlement, intent, call, allowance);
          break;
        }
        let signed: { raw: string; hash: string };
        let nonce: number;
        try {
          await chain.preflight(call);
          nonce = await nextNonce(deps, settlement);
          signed = await chain.sign(call, nonce);
        } catch (error) {
          if (error instanceof ChainRefusal) return fail(deps, intent, error.reason);
          throw error;
        }
        checkpoint("before-save-signed", intent.proposalId);
        intent = await save(
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
        break;
      }
      case "signed": {
        try {
          await chain.broadcast(intent.rawTx as string);
        } catch (error) {
          // Refused for good (intrinsic gas, funds, an invalid transaction): the chunk fails with the node's words
          // and its nonce is free again; `/payout retry` signs it anew. Anything else is tried again next run.
          if (error instanceof ChainRefusal) return fail(deps, intent, error.reason);
          throw error;
        }
        checkpoint("after-broadcast", intent.proposalId);
        intent = await save(
          deps,
          intent,
          "payout.broadcast",
          { status: "broadcast", sentAtBlock: await chain.blockNumber() },
          { txHash: intent.txHash },
        );
        checkpoint("after-save-broadcast", intent.proposalId);
        break;
      }
      case "broadcast": {
        // Whichever transaction sent for this nonce was mined pays the chunk (a fee bump replaces, it may lose).
        const mined = await minedOf(chain, intent);
        if (mined) {
          const { tx, receipt } = mined;
          if (tx.hash !== intent.txHash) {
            intent = await save(
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
              intent = adopted;
              break;
            }
            return fail(deps, intent, `transaction ${intent.txHash} reverted on-chain in block ${receipt.blockNumber}`);
          }
          checkpoint("before-save-mined", intent.proposalId);
          intent = await save(
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
          break;
        }
        const { latest, pending } = await chain.nonces();
        const nonce = intent.nonce as number;
        if (latest < nonce && pending <= nonce && (await nothingOursBelow(deps, settlement, intent, latest))) {
          // A nonce below this one was never used (a transaction before it was dropped): this one can never be
          // mined. It is signed again at the first free nonce; the old one is kept, in case it is mined after all.
          const resigned = await resign(deps, settlement, intent, pending, undefined);
          if ("state" in resigned) return resigned;
          intent = resigned;
          break;
        }
        const head = await chain.blockNumber();
        const age = intent.sentAtBlock === null ? 0 : head - intent.sentAtBlock;
        if (settlement.feeBumpAfterBlocks > 0 && age >= settlement.feeBumpAfterBlocks) {
          // Not mined for FEE_BUMP_AFTER blocks: the same payment with higher fees replaces it at the same nonce.
          const bumped = await resign(deps, settlement, intent, nonce, intent.rawTx ?? undefined);
          if ("state" in bumped) return bumped;
          intent = bumped;
          break;
        }
        if (latest > nonce) {
          // The nonce was used, but not by this transaction (no receipt): another transaction of the treasury.
          const adopted = await adoptIfSettled(deps, chain, intent);
          if (adopted && "state" in adopted) return adopted;
          if (adopted) {
            intent = adopted;
            break;
          }
          return fail(
            deps,
            intent,
            `nonce ${intent.nonce} of the treasury was used by another transaction; this chunk was not paid`,
          );
        }
        if (Date.now() > deadline) return { state: "waiting", why: `transaction ${intent.txHash} not mined yet` };
        // Not mined and the nonce is free: the chain may have dropped it (a restart); the same transaction again.
        try {
          await chain.broadcast(intent.rawTx as string);
        } catch (error) {
          if (error instanceof ChainRefusal) return fail(deps, intent, error.reason);
          throw error;
        }
        await pause(settlement);
        break;
      }
      case "mined": {
        const receipt = await chain.receipt(intent.txHash as string);
        if (!receipt && !intent.rawTx) {
          return fail(deps, intent, `transaction ${intent.txHash}, which paid this chunk, is no longer on the chain`);
        }
        if (!receipt) {
          // The chain no longer has the block (a restarted local chain, a reorg): send the same transaction again.
          intent = await save(
            deps,
            intent,
            "payout.unmined",
            { status: "signed", blockNumber: null, gasUsed: null },
            {
              txHash: intent.txHash,
            },
          );
          break;
        }
        const head = await chain.blockNumber();
        const durable = settlement.savedBlock() >= receipt.blockNumber;
        if (head - receipt.blockNumber + 1 >= settlement.confirmations && durable) {
          const lines = await chain.settledLines(intent.txHash as string, intent.batchId);
          const held = lines?.held ?? [];
          const heldAt = held.length > 0 ? await chain.chainTime() : 0;
          checkpoint("before-save-confirmed", intent.proposalId);
          intent = await save(
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
            held.length > 0
              ? (tx, guildId) =>
                  recordHeldLines(tx, intent, guildId, held, heldAt, deps.now(), (u) => tokenText(u, deps.proposals))
              : undefined,
          );
          checkpoint("after-save-confirmed", intent.proposalId);
          break;
        }
        if (Date.now() > deadline) {
          return {
            state: "waiting",
            why:
              head - receipt.blockNumber + 1 >= settlement.confirmations
                ? `block ${receipt.blockNumber} is confirmed but the local chain has not saved it yet`
                : `${head - receipt.blockNumber + 1} of ${settlement.confirmations} confirmations`,
          };
        }
        await pause(settlement);
        break;
      }
    }
  }
}

/** Every transaction signed for this chunk's current payment, oldest first (the current one last). */
function sentOf(intent: PayoutIntent): SentTx[] {
  const stored = readSentTxs(intent);
  if (intent.txHash && intent.rawTx && !stored.some((t) => t.hash === intent.txHash)) {
    return [...stored, { hash: intent.txHash, raw: intent.rawTx }];
  }
  return stored;
}

/** The sent transaction that was mined, the current one first, with its receipt. */
async function minedOf(chain: SettlementDeps["chain"], intent: PayoutIntent) {
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

/** Whether no unfinished intent of this treasury holds a nonce from `from` up to this one's. */
async function nothingOursBelow(deps: ServiceDeps, settlement: SettlementDeps, intent: PayoutIntent, from: number) {
  const below = await deps.db.payoutIntent.count({
    where: { ...holdingNonces(settlement.chain), id: { not: intent.id }, nonce: { gte: from, lt: intent.nonce ?? 0 } },
  });
  return below === 0;
}

/**
 * The same payment signed again: at another nonce (a gap below it), or at its own with higher fees (`replacing`).
 * Every signed transaction is kept (sentTxs), so whichever is mined is adopted. A refusal to sign (the fee cap) is
 * a wait, not a failure: the transaction already sent may still be mined.
 */
async function resign(
  deps: ServiceDeps,
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
      why: `transaction ${intent.txHash} is not mined and cannot be sent with a higher fee: ${error.reason}`,
    };
  }
  return save(
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

/** The transaction the chain shows paid this chunk becomes the intent's (its own, or one the database lost). */
const adopt = (paid: { txHash: string; blockNumber: number }) =>
  ({ status: "mined", txHash: paid.txHash, blockNumber: paid.blockNumber, rawTx: null }) as const;

// Stryker disable next-line all: how long to wait between polls changes only the load on the chain, never the outcome
const pause = (settlement: SettlementDeps) =>
  new Promise((r) => setTimeout(r, Math.min(1000, Math.max(50, settlement.receiptWaitMs / 20))));

/**
 * SETTLEMENT_MODE=safe-export: the chunk's calls (an approval when the Safe's allowance is short, then `settle`) as a
 * Safe Transaction Builder batch, stored on the intent, which waits for the Safe to execute it. The distributor's
 * `Settled(batchId)` event then completes it like any other payout. The allowance is checked against every chunk
 * still waiting for the Safe, so that files executed together (or in one Safe transaction) all pass; a non-zero
 * allowance is set to zero first (tokens like USDT refuse to change one that is not).
 */
async function exportForSafe(
  deps: ServiceDeps,
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
    .map((l) => `${l.recipient} ${tokenText(BigInt(l.amount), deps.proposals)}`)
    .join("; ");
  const batch = safeBatchFile({
    chainId: chain.chainId,
    safe: chain.treasury,
    name: `Steward payout of proposal #${intent.proposalId}, chunk ${intent.chunkIndex + 1} of ${intent.chunkCount}`,
    description: `Pays ${lines.length} recipient(s) ${tokenText(call.total, deps.proposals)} (${call.total} smallest units of ${chain.token}) through the distributor ${chain.distributor} (batch ${intent.batchId}): ${listed}${lines.length > 20 ? `; and ${lines.length - 20} more` : ""}.`,
    createdAt: deps.now(),
    transactions: chain.safeCalls(call, short ? { amount: needed, fromZero: allowance > 0n } : null),
  });
  return save(
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

/**
 * When the chain shows this chunk settled, the intent adopts the transaction that paid it (else null). A distributor
 * that commits to the lines (version 2) must show this chunk's very lines: a batch id settled with other lines (by
 * hand, or by a Safe transaction built elsewhere) fails the chunk for a person to look at, never counts as paid.
 */
async function adoptIfSettled(
  deps: ServiceDeps,
  chain: SettlementDeps["chain"],
  intent: PayoutIntent,
): Promise<PayoutIntent | IntentOutcome | null> {
  if (!(await chain.isSettled(intent.batchId))) return null;
  const event = await chain.findSettled(intent.batchId);
  if (!event) return null;
  const paid = { txHash: event.txHash, blockNumber: event.blockNumber };
  if (event.linesHash !== null && event.linesHash.toLowerCase() !== chain.linesHash(callOf(intent)).toLowerCase()) {
    return fail(
      deps,
      intent,
      `batch id ${intent.batchId} was settled on chain by transaction ${event.txHash} with other lines than this chunk's (lines hash ${event.linesHash}): this chunk was not paid as voted; look at that transaction before anything else`,
    );
  }
  return save(deps, intent, "payout.found_settled", adopt(paid), paid);
}

/**
 * The next nonce: the chain's pending count, and never one an unfinished intent of this treasury already signed
 * (the caller finishes earlier intents first, so this is the chain's count in practice).
 */
async function nextNonce(deps: ServiceDeps, settlement: SettlementDeps): Promise<number> {
  const { chain } = settlement;
  const { pending } = await chain.nonces();
  const stored = await deps.db.payoutIntent.aggregate({
    where: holdingNonces(chain),
    _max: { nonce: true },
  });
  // A held line's claim or return sent from the treasury holds its nonce too.
  const relays = await deps.db.heldLine.aggregate({
    where: { chainId: chain.chainId, treasury: chain.treasury, status: "sent" },
    _max: { nonce: true },
  });
  return Math.max(pending, (stored._max.nonce ?? -1) + 1, (relays._max.nonce ?? -1) + 1);
}

async function save(
  deps: ServiceDeps,
  intent: PayoutIntent,
  action: string,
  data: Partial<
    Pick<
      PayoutIntent,
      | "status"
      | "nonce"
      | "rawTx"
      | "txHash"
      | "blockNumber"
      | "gasUsed"
      | "confirmedAt"
      | "failureReason"
      | "sentAtBlock"
      | "stuckReason"
    >
  > & { safeBatch?: Prisma.InputJsonValue; sentTxs?: Prisma.InputJsonValue },
  payload: Record<string, unknown>,
  also?: (tx: Prisma.TransactionClient, guildId: string) => Promise<void>,
): Promise<PayoutIntent> {
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const proposal = await tx.proposal.findUniqueOrThrow({
      where: { id: intent.proposalId },
      select: { guildId: true },
    });
    // Moving on clears what stuck it before.
    const updated = await tx.payoutIntent.update({ where: { id: intent.id }, data: { stuckReason: null, ...data } });
    // A chunk exported for the Safe: its file is posted for the owners, through the outbox with this change.
    if (data.status === "awaiting_execution") {
      await enqueuePosts(tx, now, [{ guildId: proposal.guildId, kind: "safe_batch", subjectId: intent.id }]);
    }
    await also?.(tx, proposal.guildId);
    await appendAuditEvent(tx, {
      guildId: proposal.guildId,
      actorId: "system:settle",
      action,
      subjectType: "payout",
      subjectId: String(intent.id),
      payload: { proposalId: intent.proposalId, chunk: intent.chunkIndex, batchId: intent.batchId, ...payload },
      createdAt: now,
    });
    return updated;
  });
}

/**
 * The chunk failed for a reason a person must look at: recorded, never retried blindly. Its nonce is given back (no
 * transaction of it can be mined any more, or one was and reverted), so the next chunk is not held behind it.
 */
async function fail(deps: ServiceDeps, intent: PayoutIntent, reason: string): Promise<IntentOutcome> {
  await save(
    deps,
    intent,
    "payout.failed",
    { status: "failed", failureReason: reason, nonce: null },
    { reason, txHash: intent.txHash, nonce: intent.nonce },
  );
  return { state: "failed", reason };
}

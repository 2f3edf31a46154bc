import { readPayoutFailure } from "../../db/json/payoutFailure.ts";
import type { PayoutIntent } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../deps.ts";
import { adoptIfSettled } from "./intent/adoptIfSettled.ts";
import { awaitConfirmed } from "./intent/awaitConfirmed.ts";
import { awaitMined } from "./intent/awaitMined.ts";
import { broadcastSigned } from "./intent/broadcastSigned.ts";
import type { IntentOutcome } from "./intent/intentOutcome.ts";
import { planPayment } from "./intent/planPayment.ts";
import type { SettlementDeps } from "./settlementDeps.ts";

export type { IntentOutcome, IntentWait } from "./intent/intentOutcome.ts";

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
  deps: Pick<ServiceDeps, "db" | "now" | "token">,
  settlement: SettlementDeps,
  start: PayoutIntent,
): Promise<IntentOutcome> {
  const { chain } = settlement;
  let intent = start;
  const deadline = Date.now() + settlement.receiptWaitMs;
  for (;;) {
    // Stryker disable next-line all: settle advances only unfinished intents, and a failure returns at once: no intent enters this loop failed
    if (intent.status === "failed") return { state: "failed", failure: readPayoutFailure(intent) ?? "failed" };
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
        return { state: "waiting", wait: { kind: "safe_execution", chunkIndex: intent.chunkIndex } };
      }
      case "planned": {
        const next = await planPayment(deps, settlement, intent);
        if ("state" in next) return next;
        intent = next;
        break;
      }
      case "signed": {
        const next = await broadcastSigned(deps, settlement, intent);
        if ("state" in next) return next;
        intent = next;
        break;
      }
      case "broadcast": {
        const next = await awaitMined(deps, settlement, intent, deadline);
        if ("state" in next) return next;
        intent = next;
        break;
      }
      case "mined": {
        const next = await awaitConfirmed(deps, settlement, intent, deadline);
        if ("state" in next) return next;
        intent = next;
        break;
      }
    }
  }
}

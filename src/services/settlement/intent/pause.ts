import type { SettlementDeps } from "../settlementDeps.ts";

/** Between two polls of the chain while a run waits for a receipt or confirmations. */
// Stryker disable next-line all: how long to wait between polls changes only the load on the chain, never the outcome
export const pause = (settlement: SettlementDeps) =>
  new Promise((r) => setTimeout(r, Math.min(1000, Math.max(50, settlement.receiptWaitMs / 20))));

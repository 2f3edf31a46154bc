import { readPayoutEntries } from "../../../db/json/payoutEntries.ts";
import type { PayoutIntent } from "../../../generated/prisma/client.ts";
import { packPayouts } from "../chunkBatch.ts";
import type { SettleCall } from "../settlementChain.ts";

/** The distributor call that pays the intent's chunk. */
export const callOf = (intent: PayoutIntent): SettleCall => ({
  batchId: intent.batchId,
  payouts: packPayouts(readPayoutEntries(intent)),
  total: BigInt(intent.total.toFixed()),
});

import { readPayoutEntries } from "../../db/json/payoutEntries.ts";

/**
 * Which payout chunk pays each recipient of a batch (recipients are unique in a batch, so one chunk each), keyed by
 * the lower-cased address.
 */
export function chunkOfRecipient<I extends { id: number; entries: unknown }>(payouts: readonly I[]): Map<string, I> {
  const byRecipient = new Map<string, I>();
  for (const intent of payouts) {
    for (const e of readPayoutEntries(intent)) byRecipient.set(e.recipient.toLowerCase(), intent);
  }
  return byRecipient;
}

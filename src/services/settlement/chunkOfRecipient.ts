/**
 * Which payout chunk pays each recipient of a batch (recipients are unique in a batch, so one chunk each), keyed by
 * the lower-cased address.
 */
export function chunkOfRecipient<I extends { entries: unknown }>(payouts: readonly I[]): Map<string, I> {
  const byRecipient = new Map<string, I>();
  for (const intent of payouts) {
    for (const e of intent.entries as { recipient: string }[]) byRecipient.set(e.recipient.toLowerCase(), intent);
  }
  return byRecipient;
}

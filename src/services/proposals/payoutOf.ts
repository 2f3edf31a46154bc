import { readPayoutBatch } from "../../db/json/payoutBatch.ts";

/** What a proposal pays: its batch, the total, and the recipients (lower-cased) for conflict checks. */
export function payoutOf(proposal: { id: number; batch: unknown }) {
  const entries = readPayoutBatch(proposal) ?? [];
  return {
    entries,
    total: entries.reduce((n, e) => n + BigInt(e.amount), 0n),
    recipients: new Set(entries.map((e) => e.recipient.toLowerCase())),
  };
}

export function isPayoutKind(kind: string): boolean {
  return kind === "distribution" || kind === "funding";
}

import { createHash } from "node:crypto";

export interface BatchEntry {
  recipient: string;
  /** Token smallest units, decimal digits. */
  amount: string;
  /** What the payout is for, e.g. "contribution:12", "carry:3"; sorted. */
  refs: string[];
}

/**
 * The canonical encoding of a payout batch, which the vote binds and settlement checks: entries sorted by
 * lower-cased recipient, each `{"amount","recipient","refs"}` with keys in that order, amounts as decimal strings
 * without leading zeros, recipients EIP-55 checksummed, refs sorted; JSON without whitespace; UTF-8. The batch
 * hash is `sha256:` + the hex SHA-256 of those bytes.
 */
export function canonicalBatch(entries: BatchEntry[]): string {
  const sorted = [...entries]
    .map((e) => ({ amount: BigInt(e.amount).toString(), recipient: e.recipient, refs: [...e.refs].sort() }))
    .sort((a, b) => (a.recipient.toLowerCase() < b.recipient.toLowerCase() ? -1 : 1));
  return JSON.stringify(sorted);
}

export function batchHash(entries: BatchEntry[]): string {
  return `sha256:${createHash("sha256").update(canonicalBatch(entries), "utf8").digest("hex")}`;
}

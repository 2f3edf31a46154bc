import { createHash } from "node:crypto";
import type { BatchEntry } from "../../db/json/payoutBatch.ts";

export type { BatchEntry };

/**
 * The canonical encoding of a payout batch, which the vote binds and settlement checks: entries sorted by
 * lower-cased recipient, each `{"amount","recipient","refs"}` with keys in that order, amounts as decimal strings
 * without leading zeros, recipients EIP-55 checksummed, refs sorted; JSON without whitespace; UTF-8. The batch
 * hash is `sha256:` + the hex SHA-256 of those bytes.
 */
export function canonicalBatch(entries: BatchEntry[]): string {
  return JSON.stringify(canonicalEntries(entries));
}

/** The batch's entries as its canonical encoding holds them (what is stored, and what the vote binds). */
export function canonicalEntries(entries: BatchEntry[]): BatchEntry[] {
  return [...entries]
    .map((e) => ({ amount: BigInt(e.amount).toString(), recipient: e.recipient, refs: [...e.refs].sort() }))
    .sort((a, b) => (a.recipient.toLowerCase() < b.recipient.toLowerCase() ? -1 : 1));
}

export function batchHash(entries: BatchEntry[]): string {
  return `sha256:${createHash("sha256").update(canonicalBatch(entries), "utf8").digest("hex")}`;
}

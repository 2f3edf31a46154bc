import { Wallet } from "ethers";
import type { Db } from "../../src/db/openDatabase.ts";
import { type BatchEntry, batchHash, canonicalBatch } from "../../src/services/epochs/batchHash.ts";

/** `n` fresh recipient addresses, the same every run for a given seed. */
export function recipients(n: number, seed = 1): string[] {
  return Array.from({ length: n }, (_, i) => {
    const key = `0x${(BigInt(seed) * 1_000_003n + BigInt(i + 1)).toString(16).padStart(64, "0")}`;
    return new Wallet(key).address;
  });
}

/**
 * A payout proposal taken through its lifecycle to `approved` (each step the database trigger allows), with this
 * batch. `votedHash` overrides the hash the vote bound (a tampered batch).
 */
export async function approvedPayout(
  db: Db,
  entries: BatchEntry[],
  options: { guildId?: string; votedHash?: string } = {},
): Promise<number> {
  const p = await db.proposal.create({
    data: {
      guildId: options.guildId ?? "100000000000000001",
      kind: "funding",
      authorDiscordId: "900000000000000001",
      title: "Pay the batch",
      summary: "A payout for settlement tests.",
      motivation: "-",
      specification: "-",
      risks: "-",
      successMetrics: "-",
      batch: JSON.parse(canonicalBatch(entries)),
      batchHash: options.votedHash ?? batchHash(entries),
    },
  });
  for (const status of ["open", "passed", "awaiting_approval", "approved"] as const) {
    await db.proposal.update({ where: { id: p.id }, data: { status } });
  }
  return p.id;
}

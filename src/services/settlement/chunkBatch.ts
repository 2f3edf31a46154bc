import { AbiCoder, keccak256 } from "ethers";
import { MAX_CHUNK } from "../../chain/gasLimits.ts";
import type { BatchEntry } from "../epochs/batchHash.ts";

/** Amounts share a 256-bit word with the 160-bit address: at most 2^96 - 1 smallest units per line. */
const MAX_PACKED_AMOUNT = (1n << 96n) - 1n;

export interface Chunk {
  index: number;
  batchId: string;
  entries: { recipient: string; amount: string }[];
  total: bigint;
}

/** bytes32 batch id of one chunk: keccak256(abi.encode(sha256 digest of the voted batch, chunk index)). */
export function chunkBatchId(batchHash: string, index: number): string {
  // Stryker disable next-line Regex: "sha256:" can only be the prefix (the rest is hex)
  const digest = `0x${batchHash.replace(/^sha256:/, "")}`;
  return keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "uint256"], [digest, index]));
}

/** Splits a canonical batch, in its order, into chunks of at most `size` lines (default: what fits the gas cap). */
export function chunkBatch(batchHash: string, entries: BatchEntry[], size = MAX_CHUNK): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0, index = 0; start < entries.length; start += size, index++) {
    const lines = entries.slice(start, start + size).map((e) => ({ recipient: e.recipient, amount: e.amount }));
    chunks.push({
      index,
      batchId: chunkBatchId(batchHash, index),
      entries: lines,
      total: lines.reduce((n, e) => n + BigInt(e.amount), 0n),
    });
  }
  return chunks;
}

/** The distributor's one word per payout: amount << 160 | recipient. */
export function packPayouts(entries: { recipient: string; amount: string }[]): bigint[] {
  return entries.map((e) => {
    const amount = BigInt(e.amount);
    if (amount <= 0n || amount > MAX_PACKED_AMOUNT) throw new RangeError(`amount ${e.amount} cannot be packed`);
    return (amount << 160n) | BigInt(e.recipient);
  });
}

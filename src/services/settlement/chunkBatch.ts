import { AbiCoder, keccak256 } from "ethers";
import { MAX_CHUNK } from "../../base/gasLimits.ts";
import type { PayoutLine } from "../../db/json/payoutEntries.ts";
import type { BatchEntry } from "../epochs/batchHash.ts";

/** Amounts share a 256-bit word with the 160-bit address: at most 2^96 - 1 smallest units per line. */
const MAX_PACKED_AMOUNT = (1n << 96n) - 1n;

export interface Chunk {
  index: number;
  batchId: string;
  entries: PayoutLine[];
  total: bigint;
}

/**
 * Which payment a chunk is: the chain, the distributor and the proposal it pays (scheme 2), so two proposals with
 * equal batches (a provider alone on the network gets the same uptime line every epoch) are two payments, and one
 * chain's or distributor's payment is never taken for another's.
 */
export interface PaymentIdentity {
  chainId: number;
  distributor: string;
  proposalId: number;
}

/** The newest batch id scheme: what planning uses now. */
export const BATCH_ID_SCHEME = 2;

/**
 * bytes32 batch id of one chunk. Scheme 2: keccak256(abi.encode(chainId, distributor, proposalId, sha256 digest of
 * the voted batch, index)). Scheme 1, kept for intents planned before it: keccak256(abi.encode(digest, index)).
 */
export function chunkBatchId(identity: PaymentIdentity, batchHash: string, index: number, scheme = BATCH_ID_SCHEME) {
  // Stryker disable next-line Regex: "sha256:" can only be the prefix (the rest is hex)
  const digest = `0x${batchHash.replace(/^sha256:/, "")}`;
  const abi = AbiCoder.defaultAbiCoder();
  return keccak256(
    scheme === 1
      ? abi.encode(["bytes32", "uint256"], [digest, index])
      : abi.encode(
          ["uint256", "address", "uint256", "bytes32", "uint256"],
          [identity.chainId, identity.distributor, identity.proposalId, digest, index],
        ),
  );
}

/** Splits a canonical batch, in its order, into chunks of at most `size` lines (default: what fits the gas cap). */
export function chunkBatch(
  identity: PaymentIdentity,
  batchHash: string,
  entries: BatchEntry[],
  size = MAX_CHUNK,
): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0, index = 0; start < entries.length; start += size, index++) {
    const lines = entries.slice(start, start + size).map((e) => ({ recipient: e.recipient, amount: e.amount }));
    chunks.push({
      index,
      batchId: chunkBatchId(identity, batchHash, index),
      entries: lines,
      total: lines.reduce((n, e) => n + BigInt(e.amount), 0n),
    });
  }
  return chunks;
}

/** A line's amount the distributor cannot take: 0, or above 2^96 - 1 units. */
export class UnpackableAmount extends RangeError {
  constructor(readonly amount: string) {
    super(`amount ${amount} cannot be packed`);
  }
}

/** The distributor's one word per payout: amount << 160 | recipient. */
export function packPayouts(entries: PayoutLine[]): bigint[] {
  return entries.map((e) => {
    const amount = BigInt(e.amount);
    if (amount <= 0n || amount > MAX_PACKED_AMOUNT) throw new UnpackableAmount(e.amount);
    return (amount << 160n) | BigInt(e.recipient);
  });
}

import { AbiCoder, keccak256 } from "ethers";
import { describe, expect, it } from "vitest";
import { MAX_CHUNK } from "../../src/base/gasLimits.ts";
import { chunkBatch, chunkBatchId, packPayouts } from "../../src/services/settlement/chunkBatch.ts";

const HASH = `sha256:${"ab".repeat(32)}`;
const ID = { chainId: 31337, distributor: "0x00000000000000000000000000000000000000d1", proposalId: 7 };
const line = (i: number) => ({
  recipient: `0x${(i + 1).toString(16).padStart(40, "0")}`,
  amount: String(10 + i),
  refs: [`contribution:${i}`],
});

describe("chunks of a voted batch", () => {
  it("splits in the batch's order into chunks of at most the size, each with its own batch id and total", () => {
    const lines = Array.from({ length: 5 }, (_, i) => line(i));
    const chunks = chunkBatch(ID, HASH, lines, 2);
    expect(chunks.map((c) => c.entries.map((e) => e.recipient))).toEqual([
      [lines[0]?.recipient, lines[1]?.recipient],
      [lines[2]?.recipient, lines[3]?.recipient],
      [lines[4]?.recipient],
    ]);
    expect(chunks.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(chunks.map((c) => c.total)).toEqual([21n, 25n, 14n]);
    expect(chunks[0]?.entries[0]).toEqual({ recipient: lines[0]?.recipient, amount: "10" });
    expect(new Set(chunks.map((c) => c.batchId)).size).toBe(3);
    expect(chunkBatch(ID, HASH, [])).toEqual([]);
  });

  it("derives each chunk's on-chain id from the chain, the distributor, the proposal, the batch hash and the index", () => {
    const abi = AbiCoder.defaultAbiCoder();
    const digest = `0x${"ab".repeat(32)}`;
    const expected = keccak256(
      abi.encode(["uint256", "address", "uint256", "bytes32", "uint256"], [31337, ID.distributor, 7, digest, 1]),
    );
    expect(chunkBatchId(ID, HASH, 1)).toBe(expected);
    expect(chunkBatch(ID, HASH, [line(0), line(1)], 1)[1]?.batchId).toBe(expected);
    // Equal batches of two proposals, or on two chains or distributors, are two payments.
    const others = [
      { ...ID, proposalId: 8 },
      { ...ID, chainId: 1 },
      { ...ID, distributor: "0x00000000000000000000000000000000000000d2" },
    ];
    expect(new Set([expected, ...others.map((o) => chunkBatchId(o, HASH, 1))]).size).toBe(4);
    // Intents planned before keep the first scheme's id.
    expect(chunkBatchId(ID, HASH, 1, 1)).toBe(keccak256(abi.encode(["bytes32", "uint256"], [digest, 1])));
  });

  it("fits the per-transaction gas cap by default: 536 lines a chunk", () => {
    expect(MAX_CHUNK).toBe(536);
    const chunks = chunkBatch(
      ID,
      HASH,
      Array.from({ length: 537 }, (_, i) => line(i)),
    );
    expect(chunks.map((c) => c.entries.length)).toEqual([536, 1]);
  });

  it("packs amount << 160 | recipient, and refuses amounts that do not fit 96 bits or are not positive", () => {
    const to = "0x00000000000000000000000000000000000000ff";
    expect(packPayouts([{ recipient: to, amount: "3" }])).toEqual([(3n << 160n) | 255n]);
    const max = ((1n << 96n) - 1n).toString();
    expect(packPayouts([{ recipient: to, amount: max }])).toEqual([(BigInt(max) << 160n) | 255n]);
    expect(() => packPayouts([{ recipient: to, amount: (1n << 96n).toString() }])).toThrow(RangeError);
    expect(() => packPayouts([{ recipient: to, amount: "0" }])).toThrow("amount 0 cannot be packed");
  });
});

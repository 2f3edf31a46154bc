import { concat, keccak256, toBeHex } from "ethers";
import { packPayouts } from "./chunkBatch.ts";

/** What StewardDistributorV2's Settled event commits to: keccak256 of the chunk's payout words, 32 bytes each. */
export function linesHashOf(lines: readonly { recipient: string; amount: string }[]): string {
  return keccak256(concat(packPayouts([...lines]).map((w) => toBeHex(w, 32))));
}

import { recoverAddress } from "ethers";

export type EoaRecovery =
  | { signer: string }
  | { problem: "length"; bytes: number }
  | { problem: "v" | "unrecoverable"; bytes: number };

/**
 * The address whose key made an ECDSA signature of `hash`: 65 bytes `r ‖ s ‖ v` with v 27/28 (or 0/1, as some
 * hardware wallets write it), or 64 bytes EIP-2098 compact (`r ‖ yParity·2²⁵⁵ + s`). A high `s` (the malleable
 * twin of a valid signature) recovers nothing.
 */
export function recoverEoaSigner(hash: string, signature: string): EoaRecovery {
  const bytes = (signature.length - 2) / 2;
  if (bytes !== 64 && bytes !== 65) return { problem: "length", bytes };
  // ethers would also read EIP-155 style v (35 and up), which no message signature carries.
  if (bytes === 65 && ![0, 1, 27, 28].includes(Number.parseInt(signature.slice(130), 16))) {
    return { problem: "v", bytes };
  }
  try {
    return { signer: recoverAddress(hash, signature) };
  } catch {
    return { problem: "unrecoverable", bytes };
  }
}

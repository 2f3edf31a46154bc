import { hashMessage } from "ethers";
import { isErc6492Signature } from "./erc6492.ts";
import { recoverEoaSigner } from "./recoverEoaSigner.ts";
import type { WalletDeps } from "./walletDeps.ts";

/** How a wallet proved it signed: its key (an EOA), its contract (EIP-1271), or its contract-to-be (ERC-6492). */
export type WalletKind = "eoa" | "erc1271" | "erc6492";

export type SignatureVerdict =
  | { valid: true; kind: WalletKind }
  /** An EOA's signature that is not one: wrong length, a `v` no message signature has, or no key recovers. */
  | { valid: false; problem: "malformed"; reason: "length" | "v" | "unrecoverable"; bytes: number }
  | { valid: false; problem: "wrong_signer"; recovered: string }
  /** A contract wallet's signature, and no chain to ask. */
  | { valid: false; problem: "needs_chain" }
  | { valid: false; problem: "refused"; counterfactual: boolean }
  | { valid: false; problem: "deploy_failed" | "not_deployed" | "wrapper_malformed" };

/**
 * Checks that `signature` signs `message` (its EIP-191 hash) for `address`, in ERC-6492's order: a wrapped signature
 * first (deploy-less, on chain), then the key (ecrecover), then the contract at the address (EIP-1271, at the latest
 * block). ecrecover before EIP-1271 is safe here because it must recover `address` itself, which a contract's
 * address never is, and it spares ordinary wallets any call to the chain. `hasCode` is the chain's, memoised by the
 * caller across the challenges it tries.
 */
export async function checkWalletSignature(
  wallets: WalletDeps,
  address: string,
  message: string,
  signature: string,
  hasCode: (address: string) => Promise<boolean>,
): Promise<SignatureVerdict> {
  const hash = hashMessage(message);
  if (isErc6492Signature(signature)) {
    if (!wallets.chain) return { valid: false, problem: "needs_chain" };
    const verdict = await wallets.chain.isValidWrappedSignature(address, hash, signature);
    if (verdict === "valid") return { valid: true, kind: "erc6492" };
    if (verdict === "refused") return { valid: false, problem: "refused", counterfactual: true };
    return { valid: false, problem: verdict === "malformed" ? "wrapper_malformed" : verdict };
  }
  const recovered = recoverEoaSigner(hash, signature);
  if ("signer" in recovered && recovered.signer === address) return { valid: true, kind: "eoa" };
  if (wallets.chain && (await hasCode(address))) {
    const verdict = await wallets.chain.isValidSignature(address, hash, signature);
    return verdict === "valid"
      ? { valid: true, kind: "erc1271" }
      : { valid: false, problem: "refused", counterfactual: false };
  }
  if ("signer" in recovered) return { valid: false, problem: "wrong_signer", recovered: recovered.signer };
  return { valid: false, problem: "malformed", reason: recovered.problem, bytes: recovered.bytes };
}

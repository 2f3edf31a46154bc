import { hashMessage } from "ethers";
import type { WalletChallenge } from "../../generated/prisma/client.ts";
import { UserError } from "../errors.ts";
import { checkWalletSignature, type SignatureVerdict, type WalletKind } from "./checkWalletSignature.ts";
import { isErc6492Signature } from "./erc6492.ts";
import { recoverEoaSigner } from "./recoverEoaSigner.ts";
import { WalletChainUnavailable } from "./walletChain.ts";
import type { WalletDeps } from "./walletDeps.ts";

/** A link request and the text whose signature is checked for it: its own message, or the one the member pasted. */
export interface Candidate {
  challenge: WalletChallenge;
  message: string;
}

/**
 * Which candidate the signature signs, newest first. Ordinary wallets are tried first and locally, so they never
 * wait on the chain; then contract wallets, on the chain. When none matches, the refusal explains the newest.
 */
export async function findSignedChallenge(
  wallets: WalletDeps,
  candidates: Candidate[],
  signature: string,
): Promise<{ challenge: WalletChallenge; kind: WalletKind }> {
  if (!isErc6492Signature(signature)) {
    for (const c of candidates) {
      const recovered = recoverEoaSigner(hashMessage(c.message), signature);
      if ("signer" in recovered && recovered.signer === c.challenge.address)
        return { challenge: c.challenge, kind: "eoa" };
    }
  }
  // Each address is asked for its code once, whichever of its requests is tried.
  const code = new Map<string, Promise<boolean>>();
  const hasCode = (address: string) => {
    const known = code.get(address) ?? wallets.chain?.hasCode(address) ?? Promise.resolve(false);
    code.set(address, known);
    return known;
  };
  let newest: Exclude<SignatureVerdict, { valid: true }> | undefined;
  try {
    for (const c of candidates) {
      const verdict = await checkWalletSignature(wallets, c.challenge.address, c.message, signature, hasCode);
      if (verdict.valid) return { challenge: c.challenge, kind: verdict.kind };
      newest ??= verdict;
    }
  } catch (error) {
    if (error instanceof WalletChainUnavailable) {
      throw new UserError("wallet_chain_unavailable", { chainId: wallets.chainId });
    }
    throw error;
  }
  const [first] = candidates;
  if (!first || !newest) throw new UserError("no_pending_challenge", {});
  throw refusal(wallets, first.challenge.address, newest);
}

function refusal(wallets: WalletDeps, address: string, verdict: Exclude<SignatureVerdict, { valid: true }>): UserError {
  const contractWallets = wallets.chain ? ("no_code" as const) : ("no_chain" as const);
  switch (verdict.problem) {
    case "malformed":
      return new UserError("invalid_signature", {
        problem: verdict.reason,
        bytes: verdict.bytes,
        address,
        contractWallets,
        chainId: wallets.chainId,
      });
    case "wrong_signer":
      return new UserError("signature_wrong_signer", {
        expected: address,
        recovered: verdict.recovered,
        contractWallets,
      });
    case "needs_chain":
      return new UserError("contract_wallet_needs_chain", { address });
    case "refused":
      return new UserError("contract_wallet_refused", {
        address,
        chainId: wallets.chainId,
        counterfactual: verdict.counterfactual,
      });
    default:
      return new UserError("counterfactual_not_deployed", {
        address,
        chainId: wallets.chainId,
        problem: verdict.problem,
      });
  }
}

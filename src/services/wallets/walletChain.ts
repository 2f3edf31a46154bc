/**
 * What linking a contract wallet needs from the chain Steward pays on: whether an address holds code, and what the
 * wallet contract says about a signature, both at the latest block. Implemented over JSON-RPC by
 * `src/chain/createWalletChain.ts`; services never hold a provider.
 */
export interface WalletChain {
  hasCode(address: string): Promise<boolean>;
  /** ERC-1271 `isValidSignature(hash, signature)`: "valid" only for the magic value 0x1626ba7e; a revert is "refused". */
  isValidSignature(address: string, hash: string, signature: string): Promise<"valid" | "refused">;
  /**
   * An ERC-6492 signature (the account's signature wrapped with the call that deploys it), checked by a deploy-less
   * `eth_call` of Steward's validator: nothing is deployed. "deploy_failed": the wrapped call failed; "not_deployed":
   * it ran but created no code at `address`; "malformed": the wrapping could not be decoded.
   */
  isValidWrappedSignature(
    address: string,
    hash: string,
    signature: string,
  ): Promise<"valid" | "refused" | "deploy_failed" | "not_deployed" | "malformed">;
  /** Closes the connection (the container does, when Steward stops). */
  destroy(): void;
}

/** The chain did not answer (down, timed out, refused the request): nothing about the signature is known. */
export class WalletChainUnavailable extends Error {
  override name = "WalletChainUnavailable";
}

import { AbiCoder, concat, FetchRequest, Interface, isCallException, JsonRpcProvider } from "ethers";
import { type WalletChain, WalletChainUnavailable } from "../services/wallets/walletChain.ts";
import { loadArtifact } from "./loadArtifact.ts";

const ERC1271 = new Interface(["function isValidSignature(bytes32 hash, bytes signature) view returns (bytes4)"]);
/** The magic value as ABI-encoded bytes4: the whole first word must be it, as OpenZeppelin's SignatureChecker asks. */
const MAGIC_WORD = `0x1626ba7e${"0".repeat(56)}`;
/** The one byte Erc6492Validator's deploy-less call returns. */
const VERDICTS = { "0x00": "refused", "0x01": "valid", "0x02": "deploy_failed", "0x03": "not_deployed" } as const;

/**
 * Contract wallets' signatures over JSON-RPC, at the latest block of `chainId` (the chain Steward pays on). A
 * revert is the wallet's "no"; a chain that does not answer within `timeoutMs` is WalletChainUnavailable, never a
 * verdict. The ERC-6492 check sends Erc6492Validator's creation code with its arguments as an `eth_call` without a
 * recipient: nothing is deployed, and nothing has to be deployed first on any chain.
 */
export function createWalletChain(rpcUrl: string, chainId: number, timeoutMs = 10_000): WalletChain {
  const request = /^https?:/i.test(rpcUrl) ? new FetchRequest(rpcUrl) : rpcUrl;
  if (request instanceof FetchRequest) request.timeout = timeoutMs;
  // No request cache (a wallet's owners may have just changed) and no network probing: the chain id is known.
  const provider = new JsonRpcProvider(request, chainId, { staticNetwork: true, cacheTimeout: -1, batchMaxCount: 1 });
  const validator = loadArtifact("Erc6492Validator").bytecode;
  // Not ethers' message: it can quote the RPC URL, whose path may hold the provider's API key.
  const unavailable = (error: unknown) =>
    new WalletChainUnavailable(`chain ${chainId} did not answer (${(error as { code?: string })?.code ?? "error"})`);

  return {
    async hasCode(address) {
      try {
        return (await provider.getCode(address, "latest")) !== "0x";
      } catch (error) {
        throw unavailable(error);
      }
    },
    async isValidSignature(address, hash, signature) {
      try {
        const data = ERC1271.encodeFunctionData("isValidSignature", [hash, signature]);
        const answer = await provider.call({ to: address, data, blockTag: "latest" });
        return answer.slice(0, 66).toLowerCase() === MAGIC_WORD ? "valid" : "refused";
      } catch (error) {
        if (isCallException(error)) return "refused";
        throw unavailable(error);
      }
    },
    async isValidWrappedSignature(address, hash, signature) {
      try {
        const args = AbiCoder.defaultAbiCoder().encode(["address", "bytes32", "bytes"], [address, hash, signature]);
        const answer = await provider.call({ data: concat([validator, args]), blockTag: "latest" });
        return VERDICTS[answer as keyof typeof VERDICTS] ?? "malformed";
      } catch (error) {
        // The validator reverts only when the wrapping does not decode as (address, bytes, bytes).
        if (isCallException(error)) return "malformed";
        throw unavailable(error);
      }
    },
    destroy: () => provider.destroy(),
  };
}

import { Contract, FetchRequest, formatUnits, JsonRpcProvider } from "ethers";
import type { TokenBalances } from "../services/votes/governanceSettings.ts";

const ERC20_ABI = ["function balanceOf(address) view returns (uint256)", "function decimals() view returns (uint8)"];

/**
 * ERC-20 balances at a past block over JSON-RPC (Anvil locally, any archive-capable node in production). A node that
 * does not answer within `timeoutMs` fails the read (ethers would wait 5 minutes): a vote is waiting on it.
 */
export function erc20Balances(rpcUrl: string, token: string, timeoutMs = 10_000): TokenBalances {
  const request = /^https?:/i.test(rpcUrl) ? new FetchRequest(rpcUrl) : rpcUrl;
  if (request instanceof FetchRequest) request.timeout = timeoutMs;
  const provider = new JsonRpcProvider(request, undefined, { staticNetwork: true, batchMaxCount: 1 });
  const contract = new Contract(token, ERC20_ABI, provider);
  let decimals: Promise<number> | undefined;
  return {
    async blockNumber() {
      return provider.getBlockNumber();
    },
    async balanceAt(holder, block) {
      const raw = (await contract.getFunction("balanceOf")(holder, { blockTag: block })) as bigint;
      // Read once; a failed read is not kept (the next vote asks again), nor left without a listener.
      decimals ??= (contract.getFunction("decimals")() as Promise<bigint>).then(Number).catch((error: unknown) => {
        decimals = undefined;
        throw error;
      });
      return Number.parseFloat(formatUnits(raw, await decimals));
    },
  };
}

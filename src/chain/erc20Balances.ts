import { Contract, formatUnits, JsonRpcProvider } from "ethers";
import type { TokenBalances } from "../services/votes/governanceSettings.ts";

const ERC20_ABI = ["function balanceOf(address) view returns (uint256)", "function decimals() view returns (uint8)"];

/** ERC-20 balances at a past block over JSON-RPC (Anvil locally, any archive-capable node in production). */
export function erc20Balances(rpcUrl: string, token: string): TokenBalances {
  const provider = new JsonRpcProvider(rpcUrl, undefined, { staticNetwork: true, batchMaxCount: 1 });
  const contract = new Contract(token, ERC20_ABI, provider);
  let decimals: Promise<number> | undefined;
  return {
    async blockNumber() {
      return provider.getBlockNumber();
    },
    async balanceAt(holder, block) {
      decimals ??= (contract.getFunction("decimals")() as Promise<bigint>).then(Number);
      const raw = (await contract.getFunction("balanceOf")(holder, { blockTag: block })) as bigint;
      return Number.parseFloat(formatUnits(raw, await decimals));
    },
  };
}

import { Contract, Interface, isCallException, JsonRpcProvider, Transaction, Wallet } from "ethers";
import { ChainRefusal, type SettleCall, type SettlementChain } from "../services/settlement/settlementChain.ts";
import { accessListFor } from "./accessListFor.ts";
import { loadArtifact } from "./loadArtifact.ts";

const ERC20 = new Interface([
  "function balanceOf(address) view returns (uint256)",
  "function allowance(address owner, address spender) view returns (uint256)",
  "function approve(address spender, uint256 amount) returns (bool)",
  "error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)",
  "error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)",
  "error SafeERC20FailedOperation(address token)",
]);

export interface ChainSettings {
  rpcUrl: string;
  chainId: number;
  token: string;
  distributor: string;
  /** The treasury's key (SETTLEMENT_MODE=send), or only its address (a Safe, which Steward never signs for). */
  treasuryKey?: string | undefined;
  treasuryAddress?: string | undefined;
  /** Refuse to sign when the network asks more than this per gas (wei). */
  maxFeePerGas?: bigint | undefined;
  /** Local chains answer at once: poll fast. */
  pollingMs?: number;
}

/** A JSON-RPC provider as settlement needs it: no request cache, no network probing, polling as asked. */
export function settlementProvider(rpcUrl: string, chainId: number, pollingMs = 1000) {
  // ethers caches identical requests for 250 ms: a nonce or receipt read twice in that window would be stale.
  return new JsonRpcProvider(rpcUrl, chainId, { staticNetwork: true, cacheTimeout: -1, pollingInterval: pollingMs });
}

/** Settlement over JSON-RPC with ethers 6: one treasury key, the StewardDistributor and an ERC-20. */
export function createSettlementChain(settings: ChainSettings): SettlementChain & { destroy(): void } {
  const provider = settlementProvider(settings.rpcUrl, settings.chainId, settings.pollingMs);
  const wallet = settings.treasuryKey ? new Wallet(settings.treasuryKey, provider) : null;
  const treasury = wallet?.address ?? settings.treasuryAddress;
  if (!treasury) throw new Error("settlement needs the treasury's key or address");
  const distributorAbi = loadArtifact("StewardDistributor").abi as never;
  const distributor = new Contract(settings.distributor, distributorAbi, provider);
  const token = new Contract(settings.token, ERC20, provider);
  const errors = [new Interface(distributorAbi), ERC20];

  const decode = (error: unknown): string => {
    const data = isCallException(error) ? error.data : (error as { data?: string })?.data;
    if (typeof data === "string" && data.length >= 10) {
      for (const iface of errors) {
        const parsed = iface.parseError(data);
        if (parsed) return `${parsed.name}(${parsed.args.map(String).join(", ")})`;
      }
    }
    if (isCallException(error) && error.reason) return error.reason;
    return (error as Error)?.message?.split("\n")[0] ?? String(error);
  };
  const settleData = (call: SettleCall) =>
    distributor.interface.encodeFunctionData("settle", [call.batchId, settings.token, call.payouts, call.total]);

  return {
    chainId: settings.chainId,
    token: settings.token,
    distributor: settings.distributor,
    treasury,
    async isSettled(batchId) {
      return (await distributor.getFunction("settled")(batchId)) as boolean;
    },
    async findSettled(batchId) {
      const logs = await distributor.queryFilter(distributor.filters.Settled?.(batchId) ?? "Settled", 0, "latest");
      const log = logs[0];
      return log ? { txHash: log.transactionHash, blockNumber: log.blockNumber } : null;
    },
    async funds() {
      const [balance, allowance] = await Promise.all([
        token.getFunction("balanceOf")(treasury) as Promise<bigint>,
        token.getFunction("allowance")(treasury, settings.distributor) as Promise<bigint>,
      ]);
      return { balance, allowance };
    },
    async preflight(call) {
      try {
        await provider.call({ from: treasury, to: settings.distributor, data: settleData(call) });
      } catch (error) {
        throw new ChainRefusal(decode(error));
      }
    },
    safeCalls(call, approve) {
      const calls = [{ to: settings.distributor, value: "0", data: settleData(call) }];
      if (approve === null) return calls;
      return [
        { to: settings.token, value: "0", data: ERC20.encodeFunctionData("approve", [settings.distributor, approve]) },
        ...calls,
      ];
    },
    async sign(call, nonce) {
      if (!wallet) throw new ChainRefusal("no treasury key to sign with (SETTLEMENT_MODE=safe-export exports instead)");
      const data = settleData(call);
      const accessList = await accessListFor(provider, { from: treasury, to: settings.distributor, data });
      let gasLimit: bigint;
      try {
        gasLimit = await provider.estimateGas({ from: treasury, to: settings.distributor, data, accessList });
      } catch (error) {
        throw new ChainRefusal(decode(error));
      }
      const fees = await provider.getFeeData();
      const maxFeePerGas = fees.maxFeePerGas ?? fees.gasPrice ?? 0n;
      if (settings.maxFeePerGas !== undefined && maxFeePerGas > settings.maxFeePerGas) {
        throw new ChainRefusal(
          `the network asks ${maxFeePerGas} wei per gas, above MAX_FEE_GWEI (${settings.maxFeePerGas} wei)`,
        );
      }
      const raw = await wallet.signTransaction({
        type: 2,
        chainId: settings.chainId,
        nonce,
        to: settings.distributor,
        data,
        accessList,
        // 20 % over the estimate: the estimate is exact on a quiet chain, but state may move before it is mined.
        gasLimit: (gasLimit * 12n) / 10n,
        maxFeePerGas,
        maxPriorityFeePerGas: fees.maxPriorityFeePerGas ?? 0n,
      });
      return { raw, hash: Transaction.from(raw).hash as string };
    },
    async broadcast(raw) {
      try {
        await provider.broadcastTransaction(raw);
      } catch (error) {
        const text = String((error as Error)?.message ?? error).toLowerCase();
        // The same signed transaction again: the chain has it (pending or mined); the receipt tells which.
        if (text.includes("already known") || text.includes("nonce too low") || text.includes("already imported"))
          return;
        throw error;
      }
    },
    async receipt(txHash) {
      const r = await provider.getTransactionReceipt(txHash);
      return r ? { success: r.status === 1, blockNumber: r.blockNumber, gasUsed: r.gasUsed } : null;
    },
    blockNumber: () => provider.getBlockNumber(),
    async nonces() {
      const [latest, pending] = await Promise.all([
        provider.getTransactionCount(treasury, "latest"),
        provider.getTransactionCount(treasury, "pending"),
      ]);
      return { latest, pending };
    },
    async hasContracts() {
      return (await provider.getCode(settings.distributor)) !== "0x";
    },
    async tokenBalance(holder) {
      return (await token.getFunction("balanceOf")(holder)) as bigint;
    },
    destroy: () => provider.destroy(),
  };
}

import {
  Contract,
  hexlify,
  Interface,
  isCallException,
  JsonRpcProvider,
  randomBytes,
  Transaction,
  Wallet,
} from "ethers";
import { packPayouts } from "../services/settlement/chunkBatch.ts";
import {
  ChainRefusal,
  type SafeCall,
  type SettleCall,
  type SettlementChain,
} from "../services/settlement/settlementChain.ts";
import { urlOriginsIn } from "../services/urlOrigin.ts";
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

/** EIP-7825: no transaction may use more gas than this. */
const TX_GAS_CAP = 2n ** 24n;

/**
 * What a node says when sending the same transaction again can never succeed: it needs more gas than a transaction
 * or a block allows, the sender cannot pay for it, or it is malformed. (A fee below the base fee, an underpriced
 * replacement or a full mempool pass: those are tried again.)
 */
const PERMANENT_REFUSAL =
  /intrinsic gas too (high|low)|exceeds block gas limit|gas limit reached|exceeds (the )?(transaction|tx) gas (limit|cap)|insufficient funds|invalid (sender|signature|transaction|chain id)|oversized data|tx fee \(.*\) exceeds the configured cap/;

/** The node's own first line, without ethers' additions (the request, the code). */
const nodeWords = (error: unknown) => {
  const inner = (error as { error?: { message?: string } })?.error?.message;
  return urlOriginsIn(
    (inner ?? String((error as Error)?.message ?? error)).split("\n")[0]?.replace(/ \(.*$/, "") ?? "",
  );
};

/** A function's inputs as the Safe Transaction Builder lists them. */
function methodOf(iface: Interface, name: string): SafeCall["method"] {
  const f = iface.getFunction(name);
  if (!f) throw new Error(`no function ${name} in the ABI`);
  return { name, inputs: f.inputs.map((i) => ({ name: i.name, type: i.type, internalType: i.type })) };
}

const bigMax = (a: bigint, b: bigint) => (a > b ? a : b);
const bigMin = (a: bigint, b: bigint) => (a < b ? a : b);

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

  // What the chain said, in words: an RPC provider's error quotes its URL (a key in the path): scheme and host only.
  const decode = (error: unknown): string => urlOriginsIn(decodeRaw(error));
  const decodeRaw = (error: unknown): string => {
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
  // Payouts are pulled from the distributor's treasury, not from the operator that signs: read it once.
  let source: Promise<string> | undefined;
  const fundsSource = () => {
    source ??= (distributor.getFunction("treasury")() as Promise<string>).catch((error: unknown) => {
      source = undefined;
      throw error;
    });
    return source;
  };
  /** What one transaction may use here: EIP-7825's cap, or the block gas limit when it is lower. */
  const gasCap = async () => {
    const block = await provider.getBlock("latest");
    return block && block.gasLimit < TX_GAS_CAP ? block.gasLimit : TX_GAS_CAP;
  };

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
      const from = await fundsSource();
      const [balance, allowance] = await Promise.all([
        token.getFunction("balanceOf")(from) as Promise<bigint>,
        token.getFunction("allowance")(from, settings.distributor) as Promise<bigint>,
      ]);
      return { balance, allowance };
    },
    async lineGas(lines) {
      const probe = lines.slice(0, 8);
      if (probe.length < 2) return null;
      // A fresh batch id: the probes must not look settled, and they are only estimated, never sent.
      const estimate = (n: number) => {
        const call = {
          batchId: hexlify(randomBytes(32)),
          payouts: packPayouts(probe.slice(0, n)),
          total: probe.slice(0, n).reduce((t, l) => t + BigInt(l.amount), 0n),
        };
        return provider.estimateGas({ from: treasury, to: settings.distributor, data: settleData(call) });
      };
      try {
        const [one, many] = await Promise.all([estimate(1), estimate(probe.length)]);
        const perLine = (many - one) / BigInt(probe.length - 1);
        return { base: one - perLine, perLine, cap: await gasCap() };
      } catch {
        return null;
      }
    },
    async preflight(call) {
      try {
        await provider.call({ from: treasury, to: settings.distributor, data: settleData(call) });
      } catch (error) {
        throw new ChainRefusal(decode(error));
      }
    },
    safeCalls(call, approve) {
      const settle: SafeCall = {
        to: settings.distributor,
        value: "0",
        data: settleData(call),
        method: methodOf(distributor.interface, "settle"),
        values: {
          batchId: call.batchId,
          token: settings.token,
          payouts: `[${call.payouts.map(String).join(",")}]`,
          total: call.total.toString(),
        },
      };
      if (approve === null) return [settle];
      const approval = (amount: bigint): SafeCall => ({
        to: settings.token,
        value: "0",
        data: ERC20.encodeFunctionData("approve", [settings.distributor, amount]),
        method: methodOf(ERC20, "approve"),
        values: { spender: settings.distributor, amount: amount.toString() },
      });
      return [...(approve.fromZero ? [approval(0n)] : []), approval(approve.amount), settle];
    },
    async sign(call, nonce, options = {}) {
      if (!wallet) throw new ChainRefusal("no treasury key to sign with (SETTLEMENT_MODE=safe-export exports instead)");
      const data = settleData(call);
      const accessList = await accessListFor(provider, { from: treasury, to: settings.distributor, data });
      let estimate: bigint;
      try {
        estimate = await provider.estimateGas({ from: treasury, to: settings.distributor, data, accessList });
      } catch (error) {
        throw new ChainRefusal(decode(error));
      }
      const cap = await gasCap();
      if (estimate > cap) {
        throw new ChainRefusal(
          `the chunk needs ${estimate} gas, more than one transaction may use on this chain (${cap}): it must be paid in smaller chunks`,
        );
      }
      const fees = await provider.getFeeData();
      let maxFeePerGas = fees.maxFeePerGas ?? fees.gasPrice ?? 0n;
      let maxPriorityFeePerGas = fees.maxPriorityFeePerGas ?? 0n;
      if (options.replacing) {
        // A replacement must pay more than the one it replaces (nodes ask ≥ 10 %): 12.5 % more, or the network's
        // price when that is higher.
        const old = Transaction.from(options.replacing);
        const bump = (v: bigint | null) => ((v ?? 0n) * 1125n + 999n) / 1000n;
        maxFeePerGas = bigMax(maxFeePerGas, bump(old.maxFeePerGas));
        maxPriorityFeePerGas = bigMax(maxPriorityFeePerGas, bump(old.maxPriorityFeePerGas));
      }
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
        // 20 % over the estimate (state may move before it is mined), never above what a transaction may use.
        gasLimit: bigMin((estimate * 12n) / 10n, cap),
        maxFeePerGas,
        maxPriorityFeePerGas: bigMin(maxPriorityFeePerGas, maxFeePerGas),
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
        if (PERMANENT_REFUSAL.test(text))
          throw new ChainRefusal(`the node refused the transaction: ${nodeWords(error)}`);
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

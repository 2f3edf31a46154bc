import {
  Contract,
  FetchRequest,
  hexlify,
  Interface,
  isCallException,
  JsonRpcProvider,
  randomBytes,
  Transaction,
  Wallet,
} from "ethers";
import type { ChainRefusalFact } from "../base/chainRefusal.ts";
import { urlOriginsIn } from "../base/urlOrigin.ts";
import { packPayouts } from "../services/settlement/chunkBatch.ts";
import {
  ChainRefusal,
  type LineCall,
  type SafeCall,
  type SettleCall,
  type SettlementChain,
} from "../services/settlement/settlementChain.ts";
import { accessListFor } from "./accessListFor.ts";
import {
  CLAIM_TYPES,
  claimDomain,
  DISTRIBUTOR_V2_ABI,
  decodeLineHeld,
  decodeSettled,
  distributorV2Interface,
  encodeClaim,
  encodeReturnHeld,
  linesHashOf,
} from "./distributorV2.ts";
import { loadArtifact } from "./loadArtifact.ts";
import { logsInRanges } from "./logsInRanges.ts";

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
  /** The block the distributor was deployed in: log queries start there (0 when unknown). */
  fromBlock?: number | undefined;
}

/**
 * A JSON-RPC provider as settlement needs it: no request cache, no network probing, polling as asked, and every
 * request bounded (ethers waits 5 minutes by default: a hung node would hold a settle run, `/payout status` or a
 * claim that long).
 */
export function settlementProvider(rpcUrl: string, chainId: number, pollingMs = 1000, timeoutMs = 30_000) {
  const request = new FetchRequest(rpcUrl);
  request.timeout = timeoutMs;
  // ethers caches identical requests for 250 ms: a nonce or receipt read twice in that window would be stale.
  return new JsonRpcProvider(request, chainId, { staticNetwork: true, cacheTimeout: -1, pollingInterval: pollingMs });
}

/** Settlement over JSON-RPC with ethers 6: one treasury key, the StewardDistributor and an ERC-20. */
export function createSettlementChain(settings: ChainSettings): SettlementChain & { destroy(): void } {
  const provider = settlementProvider(settings.rpcUrl, settings.chainId, settings.pollingMs);
  const wallet = settings.treasuryKey ? new Wallet(settings.treasuryKey, provider) : null;
  const treasury = wallet?.address ?? settings.treasuryAddress;
  if (!treasury) throw new Error("settlement needs the treasury's key or address");
  const distributorAbi = loadArtifact("StewardDistributor").abi as never;
  const distributor = new Contract(settings.distributor, distributorAbi, provider);
  const distributorV2 = new Contract(settings.distributor, DISTRIBUTOR_V2_ABI as never, provider);
  const token = new Contract(settings.token, ERC20, provider);
  const errors = [distributorV2Interface, new Interface(distributorAbi), ERC20];
  const fromBlock = settings.fromBlock ?? 0;
  // Version 2 answers claimPeriod(); the first distributor has no such function. Asked once (a failed probe again).
  let version: Promise<1 | 2> | undefined;
  const distributorVersion = () => {
    const data = distributorV2Interface.encodeFunctionData("claimPeriod");
    version ??= provider.call({ to: settings.distributor, data }).then(
      (answer) => (answer.length >= 66 ? (2 as const) : (1 as const)),
      (error: unknown) => {
        // A revert (no such function) is version 1; a node in trouble is asked again next time.
        if (isCallException(error)) return 1 as const;
        version = undefined;
        throw error;
      },
    );
    return version;
  };

  // What the chain said, as facts; an RPC provider's error quotes its URL (a key in the path): scheme and host only.
  const decode = (error: unknown): ChainRefusalFact => {
    const data = isCallException(error) ? error.data : (error as { data?: string })?.data;
    if (typeof data === "string" && data.length >= 10) {
      for (const iface of errors) {
        const parsed = iface.parseError(data);
        if (parsed) return { kind: "contract_error", name: parsed.name, args: parsed.args.map(String) };
      }
    }
    if (isCallException(error) && error.reason) return { kind: "revert", reason: urlOriginsIn(error.reason) };
    return { kind: "other", message: urlOriginsIn((error as Error)?.message?.split("\n")[0] ?? String(error)) };
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

  const lineCallData = (call: LineCall) =>
    call.kind === "claim"
      ? encodeClaim({ lineId: call.lineId, to: call.to, deadline: call.deadline }, call.signature)
      : encodeReturnHeld(call.lineId);
  /** Estimates gas and fees for a call to the distributor and signs it; nothing is sent. */
  const signData = async (data: string, nonce: number, options: { replacing?: string } = {}) => {
    if (!wallet) throw new ChainRefusal({ kind: "no_key" });
    const accessList = await accessListFor(provider, { from: treasury, to: settings.distributor, data });
    let estimate: bigint;
    try {
      estimate = await provider.estimateGas({ from: treasury, to: settings.distributor, data, accessList });
    } catch (error) {
      throw new ChainRefusal(decode(error));
    }
    const cap = await gasCap();
    if (estimate > cap) {
      throw new ChainRefusal({ kind: "gas_cap", needs: estimate.toString(), cap: cap.toString() });
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
      throw new ChainRefusal({
        kind: "fee_cap",
        asks: maxFeePerGas.toString(),
        cap: settings.maxFeePerGas.toString(),
      });
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
      const event = ((await distributorVersion()) === 2 ? distributorV2 : distributor).interface.getEvent("Settled");
      if (!event) throw new Error("the distributor's ABI has no Settled event");
      const logs = await logsInRanges(
        provider,
        { address: settings.distributor, topics: [event.topicHash, batchId] },
        { fromBlock, firstOnly: true },
      );
      const log = logs[0];
      if (!log) return null;
      const v2 = decodeSettled([log], settings.distributor);
      return { txHash: log.transactionHash, blockNumber: log.blockNumber, linesHash: v2?.linesHash ?? null };
    },
    distributorVersion,
    async settledLines(txHash, batchId) {
      const receipt = await provider.getTransactionReceipt(txHash);
      if (!receipt) return null;
      const ours = (id: string) => id.toLowerCase() === batchId.toLowerCase();
      const settled = decodeSettled(
        receipt.logs.filter((l) => ours(l.topics[1] ?? "")),
        settings.distributor,
      );
      const held = decodeLineHeld(receipt.logs, settings.distributor).filter((h) => ours(h.batchId));
      return {
        linesHash: settled?.linesHash ?? null,
        held: held.map((h) => ({ lineId: h.lineId, index: Number(h.index), recipient: h.recipient, amount: h.amount })),
      };
    },
    linesHash: (call) => linesHashOf(call.payouts),
    async heldLine(lineId) {
      const [, recipient, amount, heldAt] = (await distributorV2.getFunction("heldLine")(lineId)) as [
        string,
        string,
        bigint,
        bigint,
      ];
      return amount === 0n ? null : { recipient, amount, heldAt: Number(heldAt) };
    },
    async lineReleased(lineId) {
      const kinds = { Claimed: "claimed", Redirected: "redirected", Returned: "returned" } as const;
      for (const [name, kind] of Object.entries(kinds)) {
        const event = distributorV2.interface.getEvent(name);
        if (!event) continue;
        const [log] = await logsInRanges(
          provider,
          { address: settings.distributor, topics: [event.topicHash, lineId] },
          { fromBlock, firstOnly: true },
        );
        if (!log) continue;
        const parsed = distributorV2.interface.parseLog(log);
        const to = kind === "returned" ? await fundsSource() : String(parsed?.args[2]);
        return { kind, to, txHash: log.transactionHash, blockNumber: log.blockNumber };
      }
      return null;
    },
    async claimPeriod() {
      return Number((await distributorV2.getFunction("claimPeriod")()) as bigint);
    },
    async chainTime() {
      const block = await provider.getBlock("latest");
      if (!block) throw new Error("the node has no latest block");
      return block.timestamp;
    },
    claimTypedData(claim) {
      const domain = claimDomain(settings.chainId, settings.distributor);
      return {
        domain: {
          name: "StewardDistributor",
          version: "2",
          chainId: settings.chainId,
          verifyingContract: String(domain.verifyingContract),
        },
        types: { Claim: CLAIM_TYPES.Claim ?? [] },
        primaryType: "Claim" as const,
        message: { lineId: claim.lineId, to: claim.to, deadline: claim.deadline.toString() },
      };
    },
    async checkLineCall(call) {
      try {
        await provider.call({ from: treasury, to: settings.distributor, data: lineCallData(call) });
      } catch (error) {
        throw new ChainRefusal(decode(error));
      }
    },
    signLineCall: (call, nonce) => signData(lineCallData(call), nonce),
    lineCallData,
    fundsSource,
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
      // A fresh batch id: the probes must not look settled, and they are only estimated, never sent. Async: a line
      // that cannot be packed rejects like a refused estimate (its chunk then fails saying which line).
      const estimate = async (n: number) => {
        const call = {
          batchId: hexlify(randomBytes(32)),
          payouts: packPayouts(probe.slice(0, n)),
          total: probe.slice(0, n).reduce((t, l) => t + BigInt(l.amount), 0n),
        };
        return provider.estimateGas({ from: treasury, to: settings.distributor, data: settleData(call) });
      };
      const [one, many] = await Promise.all([estimate(1).catch(() => null), estimate(probe.length).catch(() => null)]);
      if (one === null) return null;
      // Eight lines average the cost best; where the block allows less gas than eight lines need (the very case the
      // measure is for), two.
      const n = many === null ? 2 : probe.length;
      const measured = many ?? (n < probe.length ? await estimate(n).catch(() => null) : null);
      if (measured === null) return null;
      const perLine = (measured - one) / BigInt(n - 1);
      return { base: one - perLine, perLine, cap: await gasCap() };
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
    sign: (call, nonce, options = {}) => signData(settleData(call), nonce, options),
    async broadcast(raw) {
      try {
        await provider.broadcastTransaction(raw);
      } catch (error) {
        const text = String((error as Error)?.message ?? error).toLowerCase();
        // The same signed transaction again: the chain has it (pending or mined); the receipt tells which.
        if (text.includes("already known") || text.includes("nonce too low") || text.includes("already imported"))
          return;
        if (PERMANENT_REFUSAL.test(text)) throw new ChainRefusal({ kind: "node_refused", message: nodeWords(error) });
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

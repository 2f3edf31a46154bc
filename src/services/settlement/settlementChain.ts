import type { ChainRefusalFact } from "../../base/chainRefusal.ts";
import { chainRefusalText } from "../../base/chainRefusalText.ts";
/** One `settle(batchId, token, payouts, total)` call: `payouts` are `amount << 160 | recipient` words. */
export interface SettleCall {
  batchId: string;
  payouts: bigint[];
  total: bigint;
}

/** A call about a held line (StewardDistributorV2): its recipient's signed claim, relayed, or its return. */
export type LineCall =
  | { kind: "claim"; lineId: string; to: string; deadline: bigint; signature: string }
  | { kind: "return"; lineId: string };

/** A line the distributor held in a settle transaction (its transfer failed): claimable by its recipient. */
export interface HeldLineEvent {
  lineId: string;
  /** The line's index in its chunk. */
  index: number;
  recipient: string;
  amount: bigint;
}

/** EIP-712 typed data as wallets take it (eth_signTypedData_v4): JSON-safe. */
export interface ClaimTypedData {
  domain: { name: string; version: string; chainId: number; verifyingContract: string };
  types: { Claim: { name: string; type: string }[] };
  primaryType: "Claim";
  message: { lineId: string; to: string; deadline: string };
}

/** One call in a Safe Transaction Builder file: the encoded data, and the method with its arguments for signers. */
export interface SafeCall {
  to: string;
  value: string;
  data: string;
  method: { name: string; inputs: { name: string; type: string; internalType: string }[] };
  values: Record<string, string>;
}

export interface MinedReceipt {
  /** false: the transaction was mined and reverted. */
  success: boolean;
  blockNumber: number;
  gasUsed: bigint;
}

/** A revert or refusal the chain gave, decoded into facts (e.g. the custom error `AlreadySettled(0x…)`). */
export class ChainRefusal extends Error {
  constructor(readonly fact: ChainRefusalFact) {
    super(chainRefusalText(fact));
  }
}

/**
 * What settlement needs from a chain: the treasury's key signs, the distributor pays. Implemented over JSON-RPC by
 * `src/chain/createSettlementChain.ts`; services never import ethers' providers directly, so that they stay testable
 * against any chain and readable as rules.
 */
export interface SettlementChain {
  chainId: number;
  token: string;
  distributor: string;
  /**
   * The account that signs settle transactions (the distributor's operator); payouts are pulled from the
   * distributor's treasury, which `funds()` reads.
   */
  treasury: string;
  isSettled(batchId: string): Promise<boolean>;
  /**
   * The transaction that emitted `Settled(batchId)`, if any (logs read from the deployment block, in ranges
   * providers accept), and the lines' hash it committed to (null for the first distributor, which commits to none).
   */
  findSettled(batchId: string): Promise<{ txHash: string; blockNumber: number; linesHash: string | null } | null>;
  /**
   * 2: StewardDistributorV2, where a line whose transfer fails is held (claimable) and the rest of the chunk pays;
   * 1: the first distributor, where it reverts the chunk.
   */
  distributorVersion(): Promise<1 | 2>;
  /** What this call's Settled event commits to: keccak256 of its payout words. */
  linesHash(call: SettleCall): string;
  /**
   * The lines's hash the Settled event of `batchId` in this transaction committed to (null for version 1), and the
   * lines it held; null when the chain has no such transaction.
   */
  settledLines(txHash: string, batchId: string): Promise<{ linesHash: string | null; held: HeldLineEvent[] } | null>;
  /** A held line as the distributor keeps it; null once it was claimed, redirected or returned (or never held). */
  heldLine(lineId: string): Promise<{ recipient: string; amount: bigint; heldAt: number } | null>;
  /** The event that released a held line: where it went, in which transaction. */
  lineReleased(
    lineId: string,
  ): Promise<{ kind: "claimed" | "redirected" | "returned"; to: string; txHash: string; blockNumber: number } | null>;
  /** Seconds a held line is its recipient's alone before it may be returned to the treasury. */
  claimPeriod(): Promise<number>;
  /** The latest block's timestamp (Unix seconds): claim deadlines and claim periods count in chain time. */
  chainTime(): Promise<number>;
  /** What the recipient of a held line signs (EIP-712) to have it paid to `to` until `deadline`. */
  claimTypedData(claim: { lineId: string; to: string; deadline: bigint }): ClaimTypedData;
  /** Simulates a claim or return as the treasury would send it; throws ChainRefusal with the decoded reason. */
  checkLineCall(call: LineCall): Promise<void>;
  /** The calldata of a claim or return, for whoever sends it (a Safe, the member's own wallet). */
  lineCallData(call: LineCall): string;
  /** The distributor's treasury: where payouts are pulled from and held lines return to. */
  fundsSource(): Promise<string>;
  /** Signs a claim or return from the treasury's key at `nonce`; nothing is sent. */
  signLineCall(call: LineCall, nonce: number): Promise<{ raw: string; hash: string }>;
  /** The distributor's treasury's token balance, and what it allows the distributor to pull (the on-chain cap). */
  funds(): Promise<{ balance: bigint; allowance: bigint }>;
  /** Simulates the call from the treasury at the latest block; throws ChainRefusal with the decoded reason. */
  preflight(call: SettleCall): Promise<void>;
  /**
   * The calls a Safe executes for this chunk: when the allowance is short an approval of `approve` (first to zero
   * when `fromZero`: tokens like USDT refuse to change a non-zero allowance), then `settle`; each with its method and
   * arguments, so that signers see what they sign rather than hex.
   */
  safeCalls(call: SettleCall, approve: { amount: bigint; fromZero: boolean } | null): SafeCall[];
  /**
   * Estimates gas and fees and signs; nothing is sent. The gas limit never exceeds what one transaction may use on
   * this chain (EIP-7825's 2^24, or a lower block gas limit). `replacing`: the signed transaction this one replaces
   * at the same nonce (a fee bump): its fees are raised by at least 12.5 %. Throws ChainRefusal (with the reason in
   * words) above the fee cap, or when the chunk needs more gas than one transaction may use.
   */
  sign(call: SettleCall, nonce: number, options?: { replacing?: string }): Promise<{ raw: string; hash: string }>;
  /**
   * Sends a signed transaction; sending one the chain already has is not an error. A refusal that sending again
   * cannot cure (intrinsic gas, insufficient funds, an invalid transaction) throws ChainRefusal with the node's
   * words; anything else (a timeout, a node in trouble) throws as it came, to be tried again.
   */
  broadcast(raw: string): Promise<void>;
  /**
   * What a settle call of these lines costs: the fixed part and the gas per line, estimated on two probes of the
   * batch's own first lines, and what one transaction may use here. Null when the chain cannot estimate them (the
   * chunk size then falls back to the configured one).
   */
  lineGas(
    lines: { recipient: string; amount: string }[],
  ): Promise<{ base: bigint; perLine: bigint; cap: bigint } | null>;
  receipt(txHash: string): Promise<MinedReceipt | null>;
  blockNumber(): Promise<number>;
  /** The treasury's next nonce counting mined transactions only ("latest") and counting the mempool ("pending"). */
  nonces(): Promise<{ latest: number; pending: number }>;
  /** The distributor still has code (a chain that lost its state has none). */
  hasContracts(): Promise<boolean>;
  tokenBalance(holder: string): Promise<bigint>;
}

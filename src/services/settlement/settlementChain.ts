/** One `settle(batchId, token, payouts, total)` call: `payouts` are `amount << 160 | recipient` words. */
export interface SettleCall {
  batchId: string;
  payouts: bigint[];
  total: bigint;
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

/** A revert or refusal the chain gave, decoded for people (e.g. "AlreadySettled(0x…)", "ERC20InsufficientAllowance"). */
export class ChainRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
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
  /** The transaction that emitted `Settled(batchId)`, if any. */
  findSettled(batchId: string): Promise<{ txHash: string; blockNumber: number } | null>;
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

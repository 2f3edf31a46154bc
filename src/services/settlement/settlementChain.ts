/** One `settle(batchId, token, payouts, total)` call: `payouts` are `amount << 160 | recipient` words. */
export interface SettleCall {
  batchId: string;
  payouts: bigint[];
  total: bigint;
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
  /** The account that holds the tokens, approved the distributor and signs (its operator). */
  treasury: string;
  isSettled(batchId: string): Promise<boolean>;
  /** The transaction that emitted `Settled(batchId)`, if any. */
  findSettled(batchId: string): Promise<{ txHash: string; blockNumber: number } | null>;
  funds(): Promise<{ balance: bigint; allowance: bigint }>;
  /** Simulates the call from the treasury at the latest block; throws ChainRefusal with the decoded reason. */
  preflight(call: SettleCall): Promise<void>;
  /** The calls a Safe executes for this chunk: an approval when the allowance is short, then `settle`. */
  safeCalls(call: SettleCall, approve: bigint | null): { to: string; value: string; data: string }[];
  /** Estimates gas and fees (throws ChainRefusal above the fee cap) and signs; nothing is sent. */
  sign(call: SettleCall, nonce: number): Promise<{ raw: string; hash: string }>;
  /** Sends a signed transaction; sending one the chain already has is not an error. */
  broadcast(raw: string): Promise<void>;
  receipt(txHash: string): Promise<MinedReceipt | null>;
  blockNumber(): Promise<number>;
  /** The treasury's next nonce counting mined transactions only ("latest") and counting the mempool ("pending"). */
  nonces(): Promise<{ latest: number; pending: number }>;
  /** The distributor still has code (a chain that lost its state has none). */
  hasContracts(): Promise<boolean>;
  tokenBalance(holder: string): Promise<bigint>;
}

/** A head of the audit chain as the AuditAnchor contract emitted it. */
export interface PublishedAnchor {
  by: string;
  sequence: bigint;
  head: string;
  txHash: string;
  blockNumber: number;
}

/** What one settle transaction did on chain, read from its receipt's logs. */
export interface SettlementEvidence {
  success: boolean;
  blockNumber: number;
  /**
   * `Settled` events the distributor emitted, in order, each with what its chunk did: the token's transfers from the
   * distributor and the lines it held (version 2), read from the logs between the previous Settled event and it.
   */
  settled: {
    batchId: string;
    token: string;
    count: bigint;
    total: bigint;
    /** What version 2 commits to: keccak256 of the payout words (null for version 1). */
    linesHash: string | null;
    transfers: { to: string; amount: bigint }[];
    held: { index: number; recipient: string; amount: bigint }[];
  }[];
  /** Transfers from the distributor after the last Settled event (none in a settle transaction). */
  transfers: { to: string; amount: bigint }[];
}

/**
 * What the audit needs from the chain: publishing the audit chain's head, reading back every head published, and
 * the logs of a settle transaction. Implemented over JSON-RPC in `src/chain/createAuditChain.ts`.
 */
export interface AuditChain {
  chainId: number;
  /** The AuditAnchor contract (null: none on this chain, so heads are only posted in #governance). */
  anchorContract: string | null;
  /** The account whose anchors count (the treasury: Steward's key), or null when Steward holds no key (a Safe). */
  publisher: string | null;
  /** Emits `Anchored(publisher, sequence, head)`, waits until it is mined. */
  publish(sequence: bigint, head: string): Promise<{ txHash: string; blockNumber: number }>;
  /** Every `Anchored` event of the contract by `by`, oldest first. */
  anchors(by: string): Promise<PublishedAnchor[]>;
  /** The receipt's distributor and token logs, or null when the chain has no such transaction. */
  settlementEvidence(txHash: string, distributor: string, token: string): Promise<SettlementEvidence | null>;
}

import type { AuditChain } from "../audit/auditChainRecords.ts";
import type { SettlementChain } from "./settlementChain.ts";

/** The named steps of settlement: each chunk passes these, in order… */
export const CHUNK_STEPS = [
  "before-save-signed",
  "after-save-signed",
  "after-broadcast",
  "after-save-broadcast",
  "before-save-mined",
  "after-save-mined",
  "before-save-confirmed",
  "after-save-confirmed",
] as const;
/** …then the proposal: marked settled, its receipt posted and recorded. */
export const PROPOSAL_STEPS = [
  "before-save-settled",
  "after-save-settled",
  "before-receipt",
  "after-receipt-sent",
  "after-receipt",
] as const;
export type SettlementStep = (typeof CHUNK_STEPS)[number] | (typeof PROPOSAL_STEPS)[number];

/** How approved payouts reach the chain; absent when no chain is configured (money then stops at `approved`). */
export interface SettlementDeps {
  chain: SettlementChain;
  /** The same chain as the audit reads it: anchors of the audit chain's head and settle transactions' logs. */
  audit: AuditChain;
  /** send: Steward signs and sends from the treasury; safe-export: it writes each chunk for the Safe to execute. */
  mode: "send" | "safe-export";
  /** Lines per settle transaction (default: what fits EIP-7825's gas cap). */
  chunkSize: number;
  /** Blocks on top of the one that mined a payout before it counts as paid. */
  confirmations: number;
  /** Token smallest units paid per rolling 24 hours at most; a batch that would go over waits. */
  dailyCap?: bigint | undefined;
  /** e.g. https://etherscan.io/tx/{hash} */
  explorerTxUrl?: string | undefined;
  /**
   * The newest block a restart of the chain cannot take back: Steward's local chain saves its state every second
   * and falls back on its last complete save, so a payout counts as confirmed (beyond CONFIRMATIONS) only once that
   * save holds its block. Real chains: no limit (Number.MAX_SAFE_INTEGER).
   */
  savedBlock: () => number;
  /** How long one run waits for a sent transaction to be mined or confirmed before leaving it to the next run. */
  receiptWaitMs: number;
  /**
   * A sent transaction still not mined this many blocks later is replaced at the same nonce with higher fees (up to
   * MAX_FEE_GWEI); 0 never bumps. Every transaction sent for the nonce is kept, and whichever mines is adopted.
   */
  feeBumpAfterBlocks: number;
  /**
   * Named steps of settlement (e.g. "after-sign"), called as they are passed. Production passes a no-op; the
   * fault-injection test kills the process at one of them.
   */
  checkpoint: (point: SettlementStep, proposalId: number) => void;
  /** Why nothing may be settled now (e.g. the chain lost the contracts the database paid through), or null. */
  blocked: string | null;
}

/**
 * A crash staged at a checkpoint by a test (production's checkpoint kills the process instead): it must end the run
 * as a crash would, never be recorded as an intent's failure.
 */
export class InjectedCrash extends Error {}

export const explorerLink = (deps: SettlementDeps, txHash: string) =>
  deps.explorerTxUrl ? deps.explorerTxUrl.replace("{hash}", txHash) : undefined;

import { z } from "zod";

/*
 * What a chain refused, as facts: the chain adapter decodes a revert or a node's refusal into one of these, the
 * settlement service stores it (a failed chunk, a held line's last attempt, a refused claim), and the edges put it
 * into words with `chainRefusalText.ts`. Amounts are decimal strings; texts quoted from the chain are scrubbed of
 * RPC URLs by the adapter.
 */
export const chainRefusalSchema = z.discriminatedUnion("kind", [
  /** Settlement exports for a Safe: Steward holds no key to sign with. */
  z.object({ kind: z.literal("no_key") }),
  /** A custom error of the distributor or the token, decoded: its name and arguments. */
  z.object({ kind: z.literal("contract_error"), name: z.string(), args: z.array(z.string()) }),
  /** A revert with a reason string (`require(…, "reason")`). */
  z.object({ kind: z.literal("revert"), reason: z.string() }),
  /** The transaction needs more gas than one transaction may use on this chain. */
  z.object({ kind: z.literal("gas_cap"), needs: z.string(), cap: z.string() }),
  /** The network asks more per gas than MAX_FEE_GWEI allows (wei). */
  z.object({ kind: z.literal("fee_cap"), asks: z.string(), cap: z.string() }),
  /** The node refused the transaction for good (intrinsic gas, funds, an invalid transaction): its own words. */
  z.object({ kind: z.literal("node_refused"), message: z.string() }),
  /** Anything else the chain said, in its words. */
  z.object({ kind: z.literal("other"), message: z.string() }),
]);
export type ChainRefusalFact = z.infer<typeof chainRefusalSchema>;

/** The distributor's errors that mean the token does not move exact amounts (a fee on transfer, rebasing). */
export const INEXACT_TOKEN_ERRORS: readonly string[] = ["PullMismatch", "BalanceShort"];

import { z } from "zod";
import { chainRefusalSchema } from "./chainRefusal.ts";

/*
 * Why a payout chunk failed (PayoutIntent.failure), as facts: the settlement service writes them, the Discord views,
 * the settle job's summary and moderators' notes put them into words with `payoutFailureText.ts`. On the ground floor
 * because those are different rooms. Amounts are the token's smallest units, as decimal strings.
 */
export const payoutFailureSchema = z.discriminatedUnion("kind", [
  /** A line's amount the distributor cannot take (0, or above 2^96 - 1 units). */
  z.object({ kind: z.literal("amount_unpackable"), amount: z.string() }),
  /** A line (1-based) pays the distributor or the token contract itself. */
  z.object({ kind: z.literal("pays_contract"), line: z.number(), recipient: z.string() }),
  z.object({ kind: z.literal("treasury_short"), treasury: z.string(), balance: z.string(), needed: z.string() }),
  z.object({ kind: z.literal("allowance_short"), allowance: z.string(), needed: z.string() }),
  /** The chain refused the transaction for good: `refusal` decoded into facts (`reason`: its words, in older rows). */
  z.object({
    kind: z.literal("chain_refused"),
    refusal: chainRefusalSchema.optional(),
    reason: z.string().optional(),
  }),
  /** The chunk's batch id was settled by another transaction with other lines. */
  z.object({ kind: z.literal("settled_other_lines"), batchId: z.string(), txHash: z.string(), linesHash: z.string() }),
  z.object({ kind: z.literal("reverted"), txHash: z.string().nullable(), blockNumber: z.number() }),
  /** The treasury's nonce was used by another transaction. */
  z.object({ kind: z.literal("nonce_taken"), nonce: z.number().nullable() }),
  /** The confirmed transaction is no longer on the chain, and no signed copy is kept to send again. */
  z.object({ kind: z.literal("tx_gone"), txHash: z.string().nullable() }),
]);
export type PayoutFailure = z.infer<typeof payoutFailureSchema>;

/** A failure as facts, or as the sentence a row stored before failures were facts (`PayoutIntent.failureReason`). */
export type PayoutFailureRecord = PayoutFailure | string;

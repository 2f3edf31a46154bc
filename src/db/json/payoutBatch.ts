import { z } from "zod";
import { addressString, unitsString } from "./moneyFields.ts";
import { readJsonColumn } from "./readJsonColumn.ts";

/** One line of a payout proposal's batch (`Proposal.batch`), keys in the canonical encoding's order. */
export const batchEntrySchema = z.object({
  /** Token smallest units, decimal digits. */
  amount: unitsString,
  recipient: addressString,
  /** What the payout is for, e.g. "contribution:12", "carry:3"; sorted. */
  refs: z.array(z.string()),
});

export const payoutBatchSchema = z.array(batchEntrySchema);

export type BatchEntry = z.infer<typeof batchEntrySchema>;

/** A proposal's batch (null for a proposal that pays nothing), or a `JsonColumnError` naming the proposal. */
export function readPayoutBatch(row: { id: number; batch: unknown }): BatchEntry[] | null {
  return readJsonColumn(payoutBatchSchema.nullable(), { table: "Proposal", column: "batch", id: row.id }, row.batch);
}

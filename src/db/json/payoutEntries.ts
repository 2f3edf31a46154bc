import { z } from "zod";
import { addressString, unitsString } from "./moneyFields.ts";
import { readJsonColumn } from "./readJsonColumn.ts";

/** One line of a payout chunk (`PayoutIntent.entries`), in the batch's canonical order. */
export const payoutLineSchema = z.object({ recipient: addressString, amount: unitsString });

export const payoutEntriesSchema = z.array(payoutLineSchema);

export type PayoutLine = z.infer<typeof payoutLineSchema>;

/** A payout chunk's lines, or a `JsonColumnError` naming the intent. */
export function readPayoutEntries(row: { id: number; entries: unknown }): PayoutLine[] {
  return readJsonColumn(payoutEntriesSchema, { table: "PayoutIntent", column: "entries", id: row.id }, row.entries);
}

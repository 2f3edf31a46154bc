import { z } from "zod";
import { readJsonColumn } from "./readJsonColumn.ts";

/** A transaction signed for a payout chunk (`PayoutIntent.sentTxs`): its hash and the raw signed bytes. */
export const sentTxSchema = z.object({
  hash: z.string().regex(/^0x[0-9a-fA-F]{64}$/, "not a transaction hash"),
  raw: z.string().regex(/^0x[0-9a-fA-F]*$/, "not hex"),
});

export const sentTxsSchema = z.array(sentTxSchema);

export type SentTx = z.infer<typeof sentTxSchema>;

/** Every transaction signed for the chunk, oldest first (none before the first), or a `JsonColumnError`. */
export function readSentTxs(row: { id: number; sentTxs: unknown }): SentTx[] {
  return (
    readJsonColumn(sentTxsSchema.nullable(), { table: "PayoutIntent", column: "sentTxs", id: row.id }, row.sentTxs) ??
    []
  );
}

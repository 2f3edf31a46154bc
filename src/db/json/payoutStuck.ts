import { type PayoutStuckRecord, payoutStuckSchema } from "../../base/payoutStuck.ts";
import { readJsonColumn } from "./readJsonColumn.ts";

/**
 * Why a chunk is stuck: the facts (`stuck`), or the sentence a row stored before reasons were facts (`stuckReason`);
 * null when nothing holds it. A `stuck` that does not parse is a `JsonColumnError` naming the row.
 */
export function readPayoutStuck(row: {
  id: number;
  stuck: unknown;
  stuckReason: string | null;
}): PayoutStuckRecord | null {
  if (row.stuck !== null && row.stuck !== undefined) {
    return readJsonColumn(payoutStuckSchema, { table: "PayoutIntent", column: "stuck", id: row.id }, row.stuck);
  }
  return row.stuckReason;
}

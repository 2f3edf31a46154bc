import type { PayoutFailureRecord } from "../../base/payoutFailure.ts";
import { payoutFailureSchema } from "../../base/payoutFailure.ts";
import { readJsonColumn } from "./readJsonColumn.ts";

/**
 * Why a failed chunk failed: the facts (`failure`), or the sentence a row stored before failures were facts
 * (`failureReason`); null when it has not failed. A `failure` that does not parse is a `JsonColumnError` naming the row.
 */
export function readPayoutFailure(row: {
  id: number;
  failure: unknown;
  failureReason: string | null;
}): PayoutFailureRecord | null {
  if (row.failure !== null && row.failure !== undefined) {
    return readJsonColumn(payoutFailureSchema, { table: "PayoutIntent", column: "failure", id: row.id }, row.failure);
  }
  return row.failureReason;
}

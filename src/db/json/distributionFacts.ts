import { type DistributionFacts, distributionFactsSchema } from "../../base/distributionFacts.ts";
import { readJsonColumn } from "./readJsonColumn.ts";

/**
 * A distribution proposal's figures, or null for a proposal without them (member proposals, and distributions closed
 * before they were stored: those show their stored English). A value that does not parse is a `JsonColumnError`.
 */
export function readDistributionFacts(row: { id: number; distributionFacts: unknown }): DistributionFacts | null {
  if (row.distributionFacts === null || row.distributionFacts === undefined) return null;
  return readJsonColumn(
    distributionFactsSchema,
    { table: "Proposal", column: "distributionFacts", id: row.id },
    row.distributionFacts,
  );
}

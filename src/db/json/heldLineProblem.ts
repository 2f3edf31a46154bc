import { type HeldLineProblemRecord, heldLineProblemSchema } from "../../base/heldLineProblem.ts";
import { readJsonColumn } from "./readJsonColumn.ts";

/**
 * Why a held line's last relay did not go through: the facts (`problemFacts`), or the sentence a row stored before
 * problems were facts (`problem`); null when nothing went wrong. Facts that do not parse name the row.
 */
export function readHeldLineProblem(row: {
  id: number;
  problemFacts: unknown;
  problem: string | null;
}): HeldLineProblemRecord | null {
  if (row.problemFacts !== null && row.problemFacts !== undefined) {
    return readJsonColumn(
      heldLineProblemSchema,
      { table: "HeldLine", column: "problemFacts", id: row.id },
      row.problemFacts,
    );
  }
  return row.problem;
}

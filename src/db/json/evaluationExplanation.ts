import { type EvaluationExplanation, evaluationExplanationSchema } from "../../base/evaluationExplanation.ts";
import { readJsonColumn } from "./readJsonColumn.ts";

/** An evaluation's reasons as facts (Evaluation.explanation); null for one made before they were stored. */
export function readEvaluationExplanation(row: { id: number; explanation?: unknown }): EvaluationExplanation | null {
  if (row.explanation === null || row.explanation === undefined) return null;
  return readJsonColumn(
    evaluationExplanationSchema,
    { table: "Evaluation", column: "explanation", id: row.id },
    row.explanation,
  );
}

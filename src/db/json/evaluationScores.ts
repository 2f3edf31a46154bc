import { z } from "zod";
import { readJsonColumn } from "./readJsonColumn.ts";

/** One criterion of an evaluation (`Evaluation.scores`): the reward policy turns these into money. */
export const criterionScoreSchema = z.object({
  criterion: z.string(),
  /** 0-10 */
  score: z.number().finite(),
  weight: z.number().finite(),
  reason: z.string(),
});

export const evaluationScoresSchema = z.array(criterionScoreSchema);

export type EvaluationScore = z.infer<typeof criterionScoreSchema>;

/** An evaluation's per-criterion scores, or a `JsonColumnError` naming the evaluation. */
export function readEvaluationScores(row: { id: number; scores: unknown }): EvaluationScore[] {
  return readJsonColumn(evaluationScoresSchema, { table: "Evaluation", column: "scores", id: row.id }, row.scores);
}

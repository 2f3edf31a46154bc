import { z } from "zod";
import { FLAGS } from "./evaluationTypes.ts";

/** What the model must return (structured output). Totals and money are computed by Steward, not the model. */
export const evaluationOutputSchema = z.object({
  scores: z
    .array(
      z.object({
        criterion: z.string().describe("criterion name from the rubric"),
        score: z.number().min(0).max(10),
        reason: z.string().max(400),
      }),
    )
    .min(1)
    .max(12),
  confidence: z.number().min(0).max(1),
  rationale: z.string().max(1000),
  evidence: z.array(z.string().max(500)).max(8).describe("verbatim quotes from the submission"),
  flags: z.array(z.enum(FLAGS)).max(4),
});

export type EvaluationOutput = z.infer<typeof evaluationOutputSchema>;

import { z } from "zod";
import { EVIDENCE_KINDS } from "./evidenceKinds.ts";

/**
 * What the rubric evaluator measured, as facts (codes and numbers) the views word in the reader's language; its
 * stored `reason` and `rationale` say the same in English, for the audit trail and older readers.
 */
export const rubricFactSchema = z.discriminatedUnion("kind", [
  /** Distinct links, and their kinds when any. */
  z.object({ kind: z.literal("links"), count: z.number().int(), kinds: z.array(z.string()) }),
  z.object({
    kind: z.literal("github"),
    merged: z.number().int(),
    approvers: z.array(z.string()),
    /** merged by someone other than its author, with no approving review read */
    mergedByOther: z.boolean(),
    selfMerged: z.number().int(),
    reverted: z.number().int(),
    trivial: z.boolean(),
  }),
  /** PRs someone else authored, left out. */
  z.object({ kind: z.literal("refused"), count: z.number().int() }),
  z.object({ kind: z.literal("duplicate") }),
  /** English-equivalent informative characters, the language they were measured in, and the credit below `target`. */
  z.object({
    kind: z.literal("length"),
    chars: z.number().int(),
    language: z.enum(["zh", "es", "other"]),
    target: z.number().int(),
    percent: z.number().int(),
  }),
  z.object({ kind: z.literal("verifiedLines"), lines: z.number().int(), apart: z.number().int() }),
  z.object({ kind: z.literal("fromEvidence") }),
  z.object({ kind: z.literal("hours"), hours: z.number(), unbacked: z.boolean() }),
  z.object({ kind: z.literal("track"), category: z.string(), earlier: z.number().int() }),
  z.object({ kind: z.literal("unmeasured") }),
  /** The category's expected evidence backing this criterion: what the submission shows and what it lacks. */
  z.object({
    kind: z.literal("evidence"),
    category: z.string(),
    present: z.array(z.enum(EVIDENCE_KINDS)),
    missing: z.array(z.enum(EVIDENCE_KINDS)),
  }),
]);
export type RubricFact = z.infer<typeof rubricFactSchema>;

export const rationaleFactSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("similar"), percent: z.number().int(), contributionId: z.number().int() }),
  z.object({ kind: z.literal("claimed"), contributionIds: z.array(z.number().int()) }),
  z.object({ kind: z.literal("injection"), signals: z.array(z.string()) }),
  z.object({ kind: z.literal("stuffed") }),
  z.object({ kind: z.literal("lowEvidence") }),
]);
export type RationaleFact = z.infer<typeof rationaleFactSchema>;

export const evidenceCheckSchema = z.object({
  evidence: z.enum(EVIDENCE_KINDS),
  criterion: z.string(),
  description: z.string(),
  present: z.boolean(),
});

/** Stored with an evaluation (`Evaluation.explanation`); null for evaluations made before it existed. */
export const evaluationExplanationSchema = z.object({
  category: z.string(),
  /** The category's expected evidence, found or not (whatever the evaluator); [] when the policy lists none. */
  evidence: z.array(evidenceCheckSchema),
  /** The rubric evaluator's facts per criterion; absent for the LLM's evaluations, whose reasons are its own words. */
  criteria: z.array(z.object({ criterion: z.string(), facts: z.array(rubricFactSchema) })).optional(),
  rationale: z.array(rationaleFactSchema).optional(),
});
export type EvaluationExplanation = z.infer<typeof evaluationExplanationSchema>;

import { describe, expect, it } from "vitest";
import type { ReviewedItem } from "../../../src/services/calibration/agreement.ts";
import type { EvaluationPolicyContent } from "../../../src/services/evaluations/evaluationPolicy.ts";
import { rescoreAgreement } from "../../../src/services/policy/rescoreAgreement.ts";

const policy = (
  impact: number,
  quality: number,
  kind: "llm" | "rubric" = "rubric",
  model = "m",
): EvaluationPolicyContent => ({
  rubric: {
    version: 1,
    criteria: [
      { name: "impact", weight: impact, description: "" },
      { name: "quality", weight: quality, description: "" },
    ],
    categoryMultipliers: {},
  },
  caps: { maxPerContribution: "100", epochBudget: "1000" },
  evaluator: { kind, model, promptVersion: "p", appealModel: null },
});

// The model ranks by quality, the jury by impact: weighting impact up makes the model agree with the jury.
const item = (modelImpact: number, modelQuality: number, juryImpact: number, juryQuality: number): ReviewedItem => ({
  model: { impact: modelImpact, quality: modelQuality },
  reviews: [
    { jurorId: "j1", scores: { impact: juryImpact, quality: juryQuality } },
    { jurorId: "j2", scores: { impact: juryImpact, quality: juryQuality } },
  ],
});
const ITEMS = [item(2, 9, 2, 5), item(5, 6, 5, 5), item(9, 2, 9, 5)];

describe("re-scoring the jury's items under a candidate policy", () => {
  it("weighs the same stored criterion scores by each version's weights: the candidate's agreement is its own", () => {
    const r = rescoreAgreement(policy(0.2, 0.8), policy(0.9, 0.1), ITEMS, [4]);
    expect(r.method).toBe("rubric_recomputed");
    expect(r.epochs).toEqual([4]);
    expect(r.active?.items).toBe(3);
    expect(r.candidate?.items).toBe(3);
    // Overall: the active weights follow quality (ranked against the jury), the candidate's follow impact.
    expect(r.active?.overall.spearman).toBeCloseTo(-1, 6);
    expect(r.candidate?.overall.spearman).toBeCloseTo(1, 6);
    // Only quality differs, weighted 0.1 by the candidate: |9−5|, |6−5|, |2−5| × 0.1 = 0.4, 0.1, 0.3 on each review.
    expect(r.candidate?.overall.meanDifference).toBeCloseTo(0.8 / 3, 6);
    expect(r.active?.overall.meanDifference).toBeCloseTo((0.8 * 8) / 3, 6);
    // The criteria themselves are scored the same under both versions.
    expect(r.candidate?.criteria).toEqual(r.active?.criteria);
  });

  it("says how the candidate was measured, and that nothing is measured without a review", () => {
    expect(rescoreAgreement(policy(0.5, 0.5, "llm"), policy(0.6, 0.4, "llm"), ITEMS, [1]).method).toBe(
      "llm_reweighted",
    );
    expect(rescoreAgreement(policy(0.5, 0.5, "llm"), policy(0.5, 0.5, "llm", "other"), ITEMS, [1]).method).toBe(
      "llm_not_rerun",
    );
    const none = rescoreAgreement(policy(0.5, 0.5), policy(0.6, 0.4), [{ model: { impact: 1 }, reviews: [] }], []);
    expect(none).toMatchObject({ active: null, candidate: null });
  });
});

import { type CategoryCriterion, defaultCategoryCriteria } from "./categoryEvidence.ts";

/**
 * The rubric evaluations score against. Versioned: every stored evaluation records the version it used, and a
 * change to criteria, weights or multipliers must bump it. RUBRIC_FILE may point at a JSON file of this shape.
 */
export interface Rubric {
  version: number;
  criteria: { name: string; weight: number; description: string }[];
  /** Reward multiplier per category, applied by the reward policy (not by the evaluator). */
  categoryMultipliers: Record<string, number>;
  /**
   * The evidence that judges each category (a translation, an AMA, a design and a code change differ). Absent in a
   * policy recorded before categories had criteria: then none is expected, and none is invented.
   */
  categoryCriteria?: Record<string, CategoryCriterion[]>;
}

export const defaultRubric: Rubric = {
  version: 1,
  criteria: [
    {
      name: "impact",
      weight: 0.35,
      description: "How much the DAO gains: shipped change, users reached, problem solved.",
    },
    {
      name: "quality",
      weight: 0.25,
      description: "How clear, complete and verifiable the work and its description are.",
    },
    { name: "effort", weight: 0.2, description: "Work done, as evidenced by the description, links and stated hours." },
    { name: "alignment", weight: 0.2, description: "Fit with the DAO's goals and the contributor's track record." },
  ],
  categoryMultipliers: { code: 1, research: 1, design: 0.9, docs: 0.8, ops: 0.8, community: 0.7, other: 0.6 },
  categoryCriteria: defaultCategoryCriteria,
};

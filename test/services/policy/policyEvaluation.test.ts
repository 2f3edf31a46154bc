import { describe, expect, it } from "vitest";
import type { LlmEvaluate } from "../../../src/llm/llmEvaluator.ts";
import type { Rubric } from "../../../src/llm/rubric.ts";
import type { EvaluationDeps } from "../../../src/services/deps.ts";
import { configuredPolicy } from "../../../src/services/evaluations/evaluationPolicy.ts";
import { policyEvaluation } from "../../../src/services/policy/policyEvaluation.ts";

const rubric: Rubric = {
  version: 1,
  criteria: [
    { name: "impact", weight: 0.5, description: "i" },
    { name: "quality", weight: 0.5, description: "q" },
  ],
  categoryMultipliers: { code: 1 },
};
const configured = (async () => {
  throw new Error("not called");
}) as unknown as LlmEvaluate;

function deps(made: { model: string; rubric: Rubric }[]): EvaluationDeps {
  return {
    rubric,
    llm: configured,
    llmFor: (model, r) => {
      made.push({ model, rubric: r });
      return (async () => {
        throw new Error("not called");
      }) as unknown as LlmEvaluate;
    },
    samples: 1,
    concurrency: 1,
    policy: { maxPerContribution: 100n, epochBudget: 1000n },
    prices: { inputPerMTok: 0, outputPerMTok: 0 },
    claimTimeoutMs: 1,
    appeal: { samples: 3, windowMs: 1 },
    evaluator: { kind: "llm", model: "gpt-4o-mini", promptVersion: "evaluate-contribution@1", appealModel: null },
  };
}

describe("evaluating under a policy's content", () => {
  it("uses the configured evaluator for the configuration's policy, and one made for another model or rubric", () => {
    const made: { model: string; rubric: Rubric }[] = [];
    const d = deps(made);
    const own = policyEvaluation(d, configuredPolicy(d));
    expect(own.llm).toBe(configured);
    expect(own.policy).toEqual({ maxPerContribution: 100n, epochBudget: 1000n });
    expect(made).toHaveLength(0);

    const other = configuredPolicy(d);
    other.evaluator.model = "gpt-4o";
    other.rubric.criteria = other.rubric.criteria.map((c) => ({ ...c, weight: c.name === "impact" ? 0.8 : 0.2 }));
    other.rubric.version = 2;
    other.caps.maxPerContribution = "7";
    const governed = policyEvaluation(d, other);
    expect(governed.llm).not.toBe(configured);
    expect(made).toEqual([{ model: "gpt-4o", rubric: governed.rubric }]);
    expect(governed.rubric.criteria.map((c) => c.weight)).toEqual([0.8, 0.2]);
    expect(governed.policy.maxPerContribution).toBe(7n);
    // Made once per process for the same model and rubric.
    expect(policyEvaluation(d, other).llm).toBe(governed.llm);
    expect(made).toHaveLength(1);
  });

  it("answers with the rubric evaluator when the policy names no LLM, or none is configured", () => {
    const d = deps([]);
    const rubricOnly = configuredPolicy(d);
    rubricOnly.evaluator.kind = "rubric";
    expect(policyEvaluation(d, rubricOnly).llm).toBeUndefined();
    expect(policyEvaluation({ ...d, llm: undefined, llmFor: undefined }, configuredPolicy(d)).llm).toBeUndefined();
  });
});

describe("which evaluator a policy's content gets", () => {
  it("the configured one only when both the rubric and the model are the configuration's", () => {
    const made: { model: string; rubric: Rubric }[] = [];
    const d = deps(made);
    // Same rubric, another model: one made for that model.
    const otherModel = configuredPolicy(d);
    otherModel.evaluator.model = "gpt-4.1";
    const byModel = policyEvaluation(d, otherModel);
    expect(byModel.llm).not.toBe(configured);
    expect(byModel.llm).toBeDefined();
    expect(made).toEqual([{ model: "gpt-4.1", rubric: byModel.rubric }]);
    // Same model, another rubric (weights): one made for that rubric.
    const otherRubric = configuredPolicy(d);
    otherRubric.rubric.criteria = otherRubric.rubric.criteria.map((c) => ({
      ...c,
      weight: c.name === "impact" ? 0.9 : 0.1,
    }));
    const byRubric = policyEvaluation(d, otherRubric);
    expect(byRubric.llm).not.toBe(configured);
    expect(byRubric.llm).not.toBe(byModel.llm);
    expect(made).toHaveLength(2);
    expect(made[1]).toEqual({ model: "gpt-4o-mini", rubric: byRubric.rubric });
    // A third model with the configuration's rubric: not the first model's evaluator from the cache.
    const third = configuredPolicy(d);
    third.evaluator.model = "gpt-4o";
    const byThird = policyEvaluation(d, third);
    expect(byThird.llm).not.toBe(byModel.llm);
    expect(made.map((m) => m.model)).toEqual(["gpt-4.1", "gpt-4o-mini", "gpt-4o"]);
  });

  it("no evaluator for another model when nothing can make one", () => {
    const d = { ...deps([]), llmFor: undefined };
    const otherModel = configuredPolicy(d);
    otherModel.evaluator.model = "gpt-4.1";
    expect(policyEvaluation(d, otherModel).llm).toBeUndefined();
    expect(policyEvaluation(d, configuredPolicy(d)).llm).toBe(configured);
  });
});

describe("a policy's prompt version and criteria per category", () => {
  it("an evaluator for the prompt version the policy names, not the configured one's", () => {
    const versions: string[] = [];
    const d = {
      ...deps([]),
      llmFor: (_model: string, _r: Rubric, promptVersion: string) => {
        versions.push(promptVersion);
        return configured;
      },
    };
    const older = configuredPolicy(d);
    older.evaluator.promptVersion = "evaluate-contribution@2";
    policyEvaluation(d, older);
    expect(versions).toEqual(["evaluate-contribution@2"]);
    // The configuration's own prompt version: the configured evaluator, nothing made.
    expect(policyEvaluation(d, configuredPolicy(d)).llm).toBe(configured);
    expect(versions).toHaveLength(1);
  });

  it("evaluates under the policy's criteria per category, and none when a policy recorded before them has none", () => {
    const d = deps([]);
    d.rubric = {
      ...rubric,
      categoryCriteria: { code: [{ evidence: "tests", criterion: "quality", description: "t" }] },
    };
    const withCriteria = configuredPolicy(d);
    expect(policyEvaluation(d, withCriteria).rubric.categoryCriteria).toEqual({
      code: [{ evidence: "tests", criterion: "quality", description: "t" }],
    });
    const { categoryCriteria: _none, ...olderRubric } = withCriteria.rubric;
    const older = { ...withCriteria, rubric: olderRubric };
    expect(policyEvaluation(d, older).rubric).not.toHaveProperty("categoryCriteria");
  });
});

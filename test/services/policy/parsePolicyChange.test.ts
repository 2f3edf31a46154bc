import { describe, expect, it } from "vitest";
import { UserError } from "../../../src/services/errors.ts";
import type { EvaluationPolicyContent } from "../../../src/services/evaluations/evaluationPolicy.ts";
import { candidatePolicy, parseWeights, policyDiff } from "../../../src/services/policy/parsePolicyChange.ts";

const CRITERIA = [{ name: "impact" }, { name: "quality" }, { name: "effort" }, { name: "alignment" }];
const ACTIVE: EvaluationPolicyContent = {
  rubric: {
    version: 1,
    criteria: [
      { name: "impact", weight: 0.35, description: "i" },
      { name: "quality", weight: 0.25, description: "q" },
      { name: "effort", weight: 0.2, description: "e" },
      { name: "alignment", weight: 0.2, description: "a" },
    ],
    categoryMultipliers: { code: 1 },
  },
  caps: { maxPerContribution: "100", epochBudget: "1000" },
  evaluator: { kind: "llm", model: "gpt-4o-mini", promptVersion: "evaluate-contribution@1", appealModel: null },
};
const PROMPTS = ["evaluate-contribution@1"];

/** The criteria or prompt versions a refusal names to the member, or "accepted". */
function known(f: () => unknown): readonly string[] | "accepted" {
  try {
    f();
    return "accepted";
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return (error.context as { known: readonly string[] }).known;
  }
}

/** The refusal's problem (and detail), or "accepted". */
function refusal(f: () => unknown): string {
  try {
    f();
    return "accepted";
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // The view's catalog words every refusal of a policy change under this one code.
    expect(error.code).toBe("invalid_policy_change");
    const c = error.context as { problem: string; detail?: string };
    return c.detail === undefined ? c.problem : `${c.problem}: ${c.detail}`;
  }
}

describe("parseWeights", () => {
  it("reads criterion=weight pairs, in any order and case, with , or ; between them", () => {
    expect(parseWeights(" Impact=0.4; quality = 0.2,effort:0.2 ,alignment=.2", CRITERIA)).toEqual({
      impact: 0.4,
      quality: 0.2,
      effort: 0.2,
      alignment: 0.2,
    });
  });

  it("accepts a sum within the tolerance of 1, and refuses one outside it", () => {
    expect(refusal(() => parseWeights("impact=0.334,quality=0.333,effort=0.333,alignment=0.001", CRITERIA))).toBe(
      "accepted",
    );
    expect(refusal(() => parseWeights("impact=0.4,quality=0.3,effort=0.3,alignment=0.01", CRITERIA))).toBe(
      "weights_sum: 1.01",
    );
    expect(refusal(() => parseWeights("impact=0.3,quality=0.2,effort=0.2,alignment=0.2", CRITERIA))).toBe(
      "weights_sum: 0.9",
    );
  });

  it("names what is wrong: an unknown, repeated or missing criterion, a weight of 0, a malformed pair", () => {
    expect(refusal(() => parseWeights("speed=1", CRITERIA))).toBe("unknown_criterion: speed");
    expect(refusal(() => parseWeights("impact=0.5,impact=0.5", CRITERIA))).toBe("duplicate_criterion: impact");
    expect(refusal(() => parseWeights("impact=0.5,quality=0.5", CRITERIA))).toBe(
      "missing_criterion: effort, alignment",
    );
    expect(refusal(() => parseWeights("impact=1,quality=0,effort=0,alignment=0", CRITERIA))).toBe(
      "weight_not_positive: quality",
    );
    expect(refusal(() => parseWeights("impact 0.5", CRITERIA))).toBe("weights_format: impact 0.5");
    expect(refusal(() => parseWeights("impact=-0.5", CRITERIA))).toBe("weights_format: impact=-0.5");
    expect(refusal(() => parseWeights(" , ", CRITERIA))).toBe("weights_empty");
  });
});

describe("candidatePolicy", () => {
  it("applies new weights and bumps the rubric's version; leaves everything else as it was", () => {
    const c = candidatePolicy(ACTIVE, { weights: "impact=0.7,quality=0.1,effort=0.1,alignment=0.1" }, PROMPTS);
    expect(c.rubric.criteria.map((x) => [x.name, x.weight, x.description])).toEqual([
      ["impact", 0.7, "i"],
      ["quality", 0.1, "q"],
      ["effort", 0.1, "e"],
      ["alignment", 0.1, "a"],
    ]);
    expect(c.rubric.version).toBe(2);
    expect(c.caps).toEqual(ACTIVE.caps);
    expect(c.evaluator).toEqual(ACTIVE.evaluator);
    expect(ACTIVE.rubric.criteria[0]?.weight).toBe(0.35);
    expect(policyDiff(ACTIVE, c)).toEqual([
      { field: "weight", criterion: "impact", from: 0.35, to: 0.7 },
      { field: "weight", criterion: "quality", from: 0.25, to: 0.1 },
      { field: "weight", criterion: "effort", from: 0.2, to: 0.1 },
      { field: "weight", criterion: "alignment", from: 0.2, to: 0.1 },
    ]);
  });

  it("changes the cap, the model and the prompt version, each shown in the diff", () => {
    const c = candidatePolicy(
      ACTIVE,
      { maxPerContribution: 50n, model: "gpt-4o", promptVersion: "evaluate-contribution@1" },
      PROMPTS,
    );
    expect(c.rubric.version).toBe(1);
    expect(policyDiff(ACTIVE, c)).toEqual([
      { field: "maxPerContribution", from: "100", to: "50" },
      { field: "model", from: "gpt-4o-mini", to: "gpt-4o" },
    ]);
  });

  it("refuses what cannot be a policy: no change, a cap of 0, an unknown prompt, a model name with spaces, a model for the rubric evaluator", () => {
    expect(refusal(() => candidatePolicy(ACTIVE, {}, PROMPTS))).toBe("no_change");
    expect(
      refusal(() => candidatePolicy(ACTIVE, { weights: "impact=0.35,quality=0.25,effort=0.2,alignment=0.2" }, PROMPTS)),
    ).toBe("no_change");
    expect(refusal(() => candidatePolicy(ACTIVE, { maxPerContribution: 0n }, PROMPTS))).toBe("cap_zero");
    expect(refusal(() => candidatePolicy(ACTIVE, { promptVersion: "evaluate-contribution@9" }, PROMPTS))).toBe(
      "prompt_version: evaluate-contribution@9",
    );
    expect(refusal(() => candidatePolicy(ACTIVE, { model: "gpt 4o" }, PROMPTS))).toBe("model_name: gpt 4o");
    expect(refusal(() => candidatePolicy(ACTIVE, { model: "[x](https://e.example)" }, PROMPTS))).toBe(
      "model_name: [x](https://e.example)",
    );
    expect(refusal(() => candidatePolicy(ACTIVE, { model: "meta-llama/Llama-3-70b" }, PROMPTS))).toBe("accepted");
    const rubricOnly: EvaluationPolicyContent = {
      ...ACTIVE,
      evaluator: { kind: "rubric", model: "rubric-evaluator-2", promptVersion: "none", appealModel: null },
    };
    expect(refusal(() => candidatePolicy(rubricOnly, { model: "gpt-4o" }, PROMPTS))).toBe("no_llm");
  });
});

describe("what a member sees when a policy change is refused (issue 22 §4)", () => {
  const NAMES = ["impact", "quality", "effort", "alignment"];
  const RUBRIC_ONLY: EvaluationPolicyContent = {
    ...ACTIVE,
    evaluator: { kind: "rubric", model: "rubric-evaluator-2", promptVersion: "none", appealModel: null },
  };

  it("refuses a pair with anything before the name or after the number", () => {
    expect(refusal(() => parseWeights("+impact=0.4,quality=0.2,effort=0.2,alignment=0.2", CRITERIA))).toBe(
      "weights_format: +impact=0.4",
    );
    expect(refusal(() => parseWeights("impact=0.4x,quality=0.2,effort=0.2,alignment=0.2", CRITERIA))).toBe(
      "weights_format: impact=0.4x",
    );
    expect(refusal(() => parseWeights("impact=0.4,quality=0.2,effort=0.2,alignment=0.2%", CRITERIA))).toBe(
      "weights_format: alignment=0.2%",
    );
  });

  it("names the rubric's criteria in every weight refusal, so the member can retype them", () => {
    for (const text of [
      "",
      "impact",
      "speed=1",
      "impact=0.5,IMPACT=0.5",
      "impact=1,quality=0,effort=0,alignment=0",
      "impact=1",
      "impact=0.5,quality=0.2,effort=0.2,alignment=0.2",
    ])
      expect(known(() => parseWeights(text, CRITERIA))).toEqual(NAMES);
    expect(known(() => candidatePolicy(ACTIVE, { maxPerContribution: -1n }, PROMPTS))).toEqual(NAMES);
    expect(known(() => candidatePolicy(RUBRIC_ONLY, { model: "gpt-4o" }, PROMPTS))).toEqual(NAMES);
    expect(known(() => candidatePolicy(ACTIVE, {}, PROMPTS))).toEqual(NAMES);
    expect(known(() => candidatePolicy(ACTIVE, { model: "a b" }, PROMPTS))).toEqual(NAMES);
  });

  it("reports a repeated criterion by the rubric's spelling, whatever case the member typed", () => {
    expect(refusal(() => parseWeights("IMPACT=0.5,Impact=0.5", CRITERIA))).toBe("duplicate_criterion: impact");
    expect(refusal(() => parseWeights("Speed=1", CRITERIA))).toBe("unknown_criterion: Speed");
  });

  it("refuses a sum just outside the tolerance and accepts one just inside, both ways", () => {
    expect(refusal(() => parseWeights("impact=0.4,quality=0.2,effort=0.2,alignment=0.206", CRITERIA))).toBe(
      "weights_sum: 1.006",
    );
    expect(refusal(() => parseWeights("impact=0.4,quality=0.2,effort=0.2,alignment=0.194", CRITERIA))).toBe(
      "weights_sum: 0.994",
    );
    expect(refusal(() => parseWeights("impact=0.4,quality=0.2,effort=0.2,alignment=0.204", CRITERIA))).toBe("accepted");
    expect(refusal(() => parseWeights("impact=0.4,quality=0.2,effort=0.2,alignment=0.196", CRITERIA))).toBe("accepted");
    expect(refusal(() => parseWeights("impact=1.2345,quality=1,effort=1,alignment=1", CRITERIA))).toBe(
      "weights_sum: 4.235",
    );
  });

  it("bumps the rubric's version when only some weights change", () => {
    const c = candidatePolicy(ACTIVE, { weights: "impact=0.45,quality=0.15,effort=0.2,alignment=0.2" }, PROMPTS);
    expect(c.rubric.version).toBe(2);
    expect(c.rubric.criteria.map((x) => x.weight)).toEqual([0.45, 0.15, 0.2, 0.2]);
  });

  it("refuses a negative cap like a cap of 0, and keeps a positive cap as its exact digits", () => {
    expect(refusal(() => candidatePolicy(ACTIVE, { maxPerContribution: -5n }, PROMPTS))).toBe("cap_zero");
    const c = candidatePolicy(ACTIVE, { maxPerContribution: 12345678901234567890n }, PROMPTS);
    expect(c.caps).toEqual({ maxPerContribution: "12345678901234567890", epochBudget: "1000" });
  });

  it("refuses a prompt version under the offline rubric evaluator, even one Steward has", () => {
    expect(refusal(() => candidatePolicy(RUBRIC_ONLY, { promptVersion: "evaluate-contribution@1" }, PROMPTS))).toBe(
      "no_llm",
    );
    expect(refusal(() => candidatePolicy(RUBRIC_ONLY, { maxPerContribution: 7n }, PROMPTS))).toBe("accepted");
  });

  it("trims the model and the prompt version the member typed", () => {
    const prompts = ["evaluate-contribution@1", "evaluate-contribution@2"];
    const c = candidatePolicy(ACTIVE, { model: "  qwen2.5:7b ", promptVersion: " evaluate-contribution@2 " }, prompts);
    expect(c.evaluator).toEqual({
      kind: "llm",
      model: "qwen2.5:7b",
      promptVersion: "evaluate-contribution@2",
      appealModel: null,
    });
  });

  it("accepts a model name of 100 characters, refuses one of 101 and echoes only its first 40", () => {
    const hundred = `m${"x".repeat(99)}`;
    expect(candidatePolicy(ACTIVE, { model: hundred }, PROMPTS).evaluator.model).toBe(hundred);
    expect(refusal(() => candidatePolicy(ACTIVE, { model: `${hundred}y` }, PROMPTS))).toBe(
      `model_name: m${"x".repeat(39)}`,
    );
  });

  it("names the prompt versions Steward has when refusing another, echoing at most 60 characters of it", () => {
    const prompts = ["evaluate-contribution@1", "evaluate-contribution@2"];
    const typed = `p${"v".repeat(80)}`;
    expect(refusal(() => candidatePolicy(ACTIVE, { promptVersion: typed }, prompts))).toBe(
      `prompt_version: ${typed.slice(0, 60)}`,
    );
    expect(known(() => candidatePolicy(ACTIVE, { promptVersion: typed }, prompts))).toEqual(prompts);
  });

  it("shows a criterion the active rubric lacks as coming from 0", () => {
    const to: EvaluationPolicyContent = structuredClone(ACTIVE);
    to.rubric.criteria.push({ name: "novelty", weight: 0.1, description: "n" });
    expect(policyDiff(ACTIVE, to)).toEqual([{ field: "weight", criterion: "novelty", from: 0, to: 0.1 }]);
  });
});

describe("the evidence per category in a policy diff", () => {
  const tests = { evidence: "tests" as const, criterion: "quality", description: "Tests that show the change works." };
  const link = { evidence: "published_link" as const, criterion: "impact", description: "A link." };
  const withCriteria = (categoryCriteria: EvaluationPolicyContent["rubric"]["categoryCriteria"]) => ({
    ...ACTIVE,
    rubric: { ...ACTIVE.rubric, categoryCriteria },
  });

  it("names the categories whose evidence differs, a policy recorded before them counting as none", () => {
    const now = withCriteria({ code: [tests], docs: [link] });
    expect(policyDiff(ACTIVE, now)).toEqual([{ field: "categoryCriteria", categories: ["code", "docs"] }]);
    expect(policyDiff(now, withCriteria({ code: [tests], docs: [{ ...link, description: "Otro." }] }))).toEqual([
      { field: "categoryCriteria", categories: ["docs"] },
    ]);
    expect(policyDiff(now, withCriteria({ docs: [link], code: [tests] }))).toEqual([]);
    // A category listed with none is the same as one not listed.
    expect(policyDiff(withCriteria({ code: [] }), ACTIVE)).toEqual([]);
  });

  it("a proposal keeps the active policy's evidence per category", () => {
    const active = withCriteria({ code: [tests] });
    const c = candidatePolicy(active, { maxPerContribution: 50n }, PROMPTS);
    expect(c.rubric.categoryCriteria).toEqual({ code: [tests] });
    expect(policyDiff(active, c).map((d) => d.field)).toEqual(["maxPerContribution"]);
  });
});

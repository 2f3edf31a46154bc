import { describe, expect, it } from "vitest";
import { defaultRubric } from "../../src/llm/rubric.ts";
import { GENESIS_HASH } from "../../src/services/audit/appendAuditEvent.ts";
import { canonicalJson } from "../../src/services/audit/canonicalJson.ts";
import { suggestReward } from "../../src/services/evaluations/suggestReward.ts";

const TOKEN = 10n ** 18n;
const policy = { maxPerContribution: 100n * TOKEN, epochBudget: 10_000n * TOKEN };

describe("the reward policy (the model never sets money)", () => {
  it("pays MAX × total/100 × the category's multiplier, capped", () => {
    const mult = defaultRubric.categoryMultipliers.docs ?? 1;
    expect(suggestReward(policy, defaultRubric, "docs", 50)).toBe(
      (100n * TOKEN * BigInt(Math.round(50 * mult * 100))) / 10_000n,
    );
    expect(suggestReward(policy, defaultRubric, "code", 0)).toBe(0n);
    expect(suggestReward(policy, defaultRubric, "code", 250)).toBeLessThanOrEqual(policy.maxPerContribution);
    expect(suggestReward(policy, defaultRubric, "code", -40)).toBe(0n);
    const tiny = { maxPerContribution: 100n * TOKEN, epochBudget: 3n * TOKEN };
    expect(suggestReward(tiny, defaultRubric, "code", 100)).toBe(3n * TOKEN);
  });

  it("caps a suspected injection at the rubric's score, and a higher ceiling never raises a reward", () => {
    const plain = suggestReward(policy, defaultRubric, "code", 40);
    expect(suggestReward(policy, defaultRubric, "code", 90, 40)).toBe(plain);
    expect(suggestReward(policy, defaultRubric, "code", 40, 90)).toBe(plain);
    expect(suggestReward(policy, defaultRubric, "code", 40, 40)).toBe(plain);
  });
});

describe("canonical JSON (what the audit hash and the batch hash are computed over)", () => {
  it("sorts keys at every depth, keeps array order, and writes dates and big integers as strings", () => {
    expect(canonicalJson({ b: [3, { d: 1, c: 2 }], a: 10n ** 30n, t: new Date(Date.UTC(2026, 0, 2)) })).toBe(
      '{"a":"1000000000000000000000000000000","b":[3,{"c":2,"d":1}],"t":"2026-01-02T00:00:00.000Z"}',
    );
    expect(canonicalJson([2, 1])).toBe("[2,1]");
    expect(canonicalJson(null)).toBe("null");
  });

  it("starts the audit chain from 64 zeros", () => {
    expect(GENESIS_HASH).toBe("0".repeat(64));
  });
});

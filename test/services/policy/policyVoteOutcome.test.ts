import { describe, expect, it } from "vitest";
import { resultOf } from "../../../src/services/votes/resultOf.ts";

const proposal = (kind: string) => ({
  kind,
  votingType: "single_choice" as const,
  choices: ["Adopt the candidate", "Keep the active policy"],
  quorumWeight: 0,
  passThreshold: 0.5,
  excludeConflicted: false,
});
const keep = [
  { choice: 2, weight: 1, conflicted: false },
  { choice: 2, weight: 1, conflicted: false },
  { choice: 1, weight: 1, conflicted: false },
];

describe("a policy proposal's vote", () => {
  it("adopts only when choice 1 (the candidate as posted) wins, like a payout; a general proposal passes on any winner", () => {
    expect(resultOf(proposal("policy"), keep).all.status).toBe("rejected");
    expect(resultOf(proposal("general"), keep).all.status).toBe("passed");
    const adopt = keep.map((v) => ({ ...v, choice: v.choice === 2 ? 1 : 2 }));
    expect(resultOf(proposal("policy"), adopt).all.status).toBe("passed");
  });
});

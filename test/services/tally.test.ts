import { describe, expect, it } from "vitest";
import { decideOutcome } from "../../src/services/votes/decideOutcome.ts";
import { instantRunoff, isValidChoice, sameScore, type TallyVote, tally } from "../../src/services/votes/tally.ts";

// Expected values are worked out by hand from snapshot.js src/voting definitions.
describe("tally (Snapshot semantics)", () => {
  it("single-choice sums weights per choice; invalid choices do not count", () => {
    const s = tally("single_choice", 3, [
      { choice: 1, balance: 2 },
      { choice: 2, balance: 3 },
      { choice: 1, balance: 1 },
      { choice: 4, balance: 100 },
      { choice: [1], balance: 100 },
    ]);
    expect(s).toEqual({ scores: [3, 3, 0], scoresTotal: 6 });
  });

  it("approval gives every approved choice the voter's full weight; an empty approval still counts in the total", () => {
    const s = tally("approval", 3, [
      { choice: [1, 2], balance: 1 },
      { choice: [2], balance: 2 },
      { choice: [], balance: 4 },
      { choice: [1, 1], balance: 100 },
    ]);
    expect(s).toEqual({ scores: [1, 3, 0], scoresTotal: 7 });
  });

  it("weighted splits each weight by the ballot's points, normalised to the total weight", () => {
    const s = tally("weighted", 2, [
      { choice: { "1": 1, "2": 1 }, balance: 10 },
      { choice: { "2": 3 }, balance: 5 },
    ]);
    expect(s.scoresTotal).toBe(15);
    expect(s.scores[0]).toBeCloseTo(5, 10);
    expect(s.scores[1]).toBeCloseTo(10, 10);
  });

  it("quadratic squares the sum of square roots of each share, normalised to the total weight", () => {
    const s = tally("quadratic", 2, [
      { choice: { "1": 1, "2": 1 }, balance: 8 },
      { choice: { "2": 1 }, balance: 2 },
    ]);
    // choice 1: sqrt(0.5 × 8)² = 4; choice 2: (sqrt(4) + sqrt(2))² = 11.6569; scaled to a total of 10.
    const raw2 = (2 + Math.SQRT2) ** 2;
    expect(s.scores[0]).toBeCloseTo((4 / (4 + raw2)) * 10, 10);
    expect(s.scores[1]).toBeCloseTo((raw2 / (4 + raw2)) * 10, 10);
    expect(s.scoresTotal).toBe(10);
  });

  it("ranked-choice runs Snapshot's instant runoff; a tie for last eliminates the lowest-numbered choice", () => {
    const votes = [
      { choice: [1, 2, 3, 4], balance: 4 },
      { choice: [2, 1, 3, 4], balance: 3 },
      { choice: [3, 2, 1, 4], balance: 2 },
      { choice: [4, 3, 2, 1], balance: 1 },
      { choice: [1, 2], balance: 50 }, // partial rankings are invalid on Snapshot
    ];
    // Round 1: 4,3,2,1 → 4 out. Round 2: 4,3,3 → 2 and 3 tie for last, 2 out. Round 3: 1 has 7, 3 has 3.
    expect(tally("ranked_choice", 4, votes)).toEqual({ scores: [7, 0, 3, 0], scoresTotal: 10 });
    expect([...instantRunoff([]).entries()]).toEqual([]);
  });

  it("validates choice shapes per type", () => {
    expect(isValidChoice("basic", 3, 3)).toBe(true);
    expect(isValidChoice("basic", 0, 3)).toBe(false);
    expect(isValidChoice("ranked_choice", [2, 1, 3], 3)).toBe(true);
    expect(isValidChoice("ranked_choice", [2, 2, 3], 3)).toBe(false);
    expect(isValidChoice("weighted", { "1": 0 }, 2)).toBe(false);
    expect(isValidChoice("weighted", { "1": 0, "2": 3 }, 2)).toBe(true);
    expect(isValidChoice("quadratic", { "1": 5, "2": 0 }, 2)).toBe(true);
    expect(isValidChoice("weighted", { "1": -1, "2": 3 }, 2)).toBe(false);
    expect(isValidChoice("weighted", { "1": Number.NaN, "2": 3 }, 2)).toBe(false);
    expect(isValidChoice("weighted", {}, 2)).toBe(false);
    expect(isValidChoice("quadratic", { "3": 1 }, 2)).toBe(false);
  });
});

describe("ballot shapes and rounding noise", () => {
  it("refuses every malformed ballot shape", () => {
    expect(isValidChoice("approval", 2, 3)).toBe(false);
    expect(isValidChoice("approval", [1, 4], 3)).toBe(false);
    expect(isValidChoice("approval", [1, 1], 3)).toBe(false);
    expect(isValidChoice("approval", [], 3)).toBe(true);
    expect(isValidChoice("ranked_choice", [1, 2, 4], 3)).toBe(false);
    expect(isValidChoice("ranked_choice", 1, 3)).toBe(false);
    for (const bad of [null, 3, "1", [1, 2], { "01": 1 }, { "1": "3" }, { "1": Number.POSITIVE_INFINITY }]) {
      expect(isValidChoice("weighted", bad, 3), JSON.stringify(bad)).toBe(false);
      expect(isValidChoice("quadratic", bad, 3), JSON.stringify(bad)).toBe(false);
    }
  });

  it("computes quadratic scores as Snapshot does", () => {
    // √(1·4) + √(0.5·1) for choice 1 = 2.7071…, squared 7.328…; choice 2: √(0.5·1) squared 0.5; normalised to 5.
    const s = tally("quadratic", 2, [
      { choice: { "1": 1 }, balance: 4 },
      { choice: { "1": 1, "2": 1 }, balance: 1 },
    ]);
    const raw1 = (2 + Math.sqrt(0.5)) ** 2;
    const raw2 = 0.5;
    expect(s.scores[0]).toBeCloseTo((5 * raw1) / (raw1 + raw2), 12);
    expect(s.scores[1]).toBeCloseTo((5 * raw2) / (raw1 + raw2), 12);
    expect(tally("quadratic", 2, []).scores).toEqual([0, 0]);
  });

  it("calls scores equal only up to rounding noise", () => {
    expect(sameScore(1.5, 1.4999999999999998)).toBe(true);
    expect(sameScore(1.5, 1.5001)).toBe(false);
    expect(sameScore(1e9, 1e9 + 0.5)).toBe(true);
    expect(sameScore(1e9, 1e9 + 10)).toBe(false);
    expect(sameScore(0, 0)).toBe(true);
    expect(sameScore(0, 1e-6)).toBe(false);
  });

  it("skips empty rankings and exhausted ballots in the runoff", () => {
    const counts = instantRunoff([
      { ranking: [], balance: 100 },
      { ranking: [1, 2, 3], balance: 3 },
      { ranking: [2, 1, 3], balance: 2 },
      { ranking: [3, 2, 1], balance: 2 },
    ]);
    // Round 1: 1:3, 2:2, 3:2 of 7 → no majority; 2 and 3 tie for last, 2 (lower) goes. Round 2: 1:5, 3:2.
    expect([...counts.entries()]).toEqual([
      [1, 5],
      [3, 2],
    ]);
  });
});

describe("decideOutcome edges", () => {
  const terms = { choiceCount: 3, quorumWeight: 0, passThreshold: 0.5 };
  it("no winner and no tie when nobody scored; a unique winner is no tie", () => {
    const none = decideOutcome({ ...terms, votingType: "single_choice", payout: false }, []);
    expect(none).toMatchObject({ winner: null, tie: false, status: "expired", quorumMet: false });
    const zero = decideOutcome({ ...terms, votingType: "approval", payout: false }, [{ choice: [], balance: 1 }]);
    expect(zero).toMatchObject({ winner: null, tie: false, status: "rejected", quorumMet: true });
    const one = decideOutcome({ ...terms, votingType: "single_choice", payout: false }, [{ choice: 2, balance: 1 }]);
    expect(one).toMatchObject({ winner: 2, tie: false, status: "passed" });
  });

  it("basic: only abstentions, or For not above the threshold, fail; a payout passes only on choice 1", () => {
    const basic = { ...terms, votingType: "basic" as const, payout: true };
    expect(decideOutcome(basic, [{ choice: 3, balance: 5 }]).status).toBe("rejected");
    expect(
      decideOutcome(basic, [
        { choice: 1, balance: 3 },
        { choice: 2, balance: 1 },
      ]).status,
    ).toBe("passed");
    expect(
      decideOutcome({ ...basic, passThreshold: 0.75 }, [
        { choice: 1, balance: 3 },
        { choice: 2, balance: 1 },
      ]).status,
    ).toBe("rejected");
    const single = { ...terms, votingType: "single_choice" as const, payout: true };
    expect(decideOutcome(single, [{ choice: 2, balance: 1 }])).toMatchObject({ winner: 2, status: "rejected" });
    expect(decideOutcome(single, [{ choice: 1, balance: 1 }])).toMatchObject({ winner: 1, status: "passed" });
    expect(decideOutcome({ ...single, quorumWeight: 2 }, [{ choice: 1, balance: 1 }]).status).toBe("expired");
  });
});

describe("Snapshot parity on zero points and ties", () => {
  it("counts weighted and quadratic ballots that give some choices 0 points, as Snapshot does", () => {
    const votes: TallyVote[] = [
      { choice: { "1": 0, "2": 4 }, balance: 2 },
      { choice: { "1": 1, "2": 0, "3": 0 }, balance: 1 },
    ];
    expect(tally("weighted", 3, votes)).toEqual({ scores: [1, 2, 0], scoresTotal: 3 });
    const q = tally("quadratic", 3, votes);
    expect(q.scoresTotal).toBe(3);
    expect(q.scores[0]).toBeCloseTo(1, 12);
    expect(q.scores[1]).toBeCloseTo(2, 12);
  });

  it("treats {1:2,2:1}, {1:1,2:1}, {1:1,2:2} (balance 1 each) as the exact tie Snapshot shows", () => {
    const votes = [
      { choice: { "1": 2, "2": 1 }, balance: 1 },
      { choice: { "1": 1, "2": 1 }, balance: 1 },
      { choice: { "1": 1, "2": 2 }, balance: 1 },
    ];
    for (const order of [votes, [...votes].reverse(), [votes[1], votes[0], votes[2]]]) {
      const s = tally("weighted", 2, order as typeof votes);
      expect(s.scores).toEqual([1.5, 1.5]);
      const outcome = decideOutcome(
        { votingType: "weighted", choiceCount: 2, quorumWeight: 0, passThreshold: 0.5, payout: false },
        order as typeof votes,
      );
      expect(outcome).toMatchObject({ winner: null, tie: true, status: "rejected" });
    }
    // The same three ballots as quadratic: square roots, so equal only up to rounding, and still a tie.
    const q = decideOutcome(
      { votingType: "quadratic", choiceCount: 2, quorumWeight: 0, passThreshold: 0.5, payout: false },
      votes,
    );
    expect(q).toMatchObject({ winner: null, tie: true });
  });

  it("matches Snapshot's floating-point weighted and quadratic formulas on 500 random elections", () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let e = 0; e < 500; e++) {
      const choices = 2 + Math.floor(rand() * 4);
      const votes = Array.from({ length: 1 + Math.floor(rand() * 30) }, () => {
        const choice: Record<string, number> = {};
        for (let c = 1; c <= choices; c++) if (rand() < 0.7) choice[String(c)] = Math.floor(rand() * 11);
        if (!Object.values(choice).some((v) => v > 0)) choice["1"] = 1 + Math.floor(rand() * 10);
        return { choice, balance: Math.round(rand() * 1000) / 10 };
      });
      for (const type of ["weighted", "quadratic"] as const) {
        const ours = tally(type, choices, votes);
        const theirs = snapshotFloatScores(type, choices, votes);
        for (const [i, score] of ours.scores.entries()) expect(score).toBeCloseTo(theirs[i] as number, 6);
      }
    }
  });
});

/** Snapshot's weighted/quadratic scores, written the way snapshot.js computes them (floats, percentages). */
function snapshotFloatScores(
  type: "weighted" | "quadratic",
  choices: number,
  votes: { choice: Record<string, number>; balance: number }[],
): number[] {
  const pct = (i: number, values: Record<string, number> | number[], total: number[]) => {
    const reduced = total.reduce((a, b) => a + b, 0);
    const p = (((values as Record<string, number>)[i] ?? Number.NaN) / reduced) * 100;
    return Number.isNaN(p) ? 0 : p;
  };
  const total = votes.reduce((a, v) => a + v.balance, 0);
  const results = Array.from({ length: choices }, (_, i) => {
    const parts = votes.map((v) => (pct(i + 1, v.choice, Object.values(v.choice)) / 100) * v.balance);
    return type === "weighted"
      ? parts.reduce((a, b) => a + b, 0)
      : parts.map(Math.sqrt).reduce((a, b) => a + b, 0) ** 2;
  });
  return results.map((_, i) => (total / 100) * pct(i, results, results));
}

/** Snapshot's rounds written the direct way (copying ballots each round), to check the cursor version against. */
function referenceRunoff(ballots: { ranking: number[]; balance: number }[]): Map<number, number> {
  let current = ballots.filter((b) => b.ranking.length > 0);
  for (;;) {
    const candidates = [...new Set(current.flatMap((b) => b.ranking))].sort((a, b) => a - b);
    const counts = new Map<number, number>(candidates.map((c) => [c, 0]));
    for (const b of current) counts.set(b.ranking[0] as number, (counts.get(b.ranking[0] as number) ?? 0) + b.balance);
    let top = Number.NEGATIVE_INFINITY;
    let bottom: number | undefined;
    let low = Number.POSITIVE_INFINITY;
    for (const [c, n] of counts) {
      if (n > top) top = n;
      if (n < low) {
        low = n;
        bottom = c;
      }
    }
    const total = current.reduce((a, b) => a + b.balance, 0);
    if (top > total / 2 || counts.size < 3) return counts;
    current = current
      .map((b) => ({ ranking: b.ranking.filter((c) => c !== bottom), balance: b.balance }))
      .filter((b) => b.ranking.length > 0);
  }
}

describe("instant runoff", () => {
  it("matches the direct rendering of Snapshot's rounds on 500 random elections, partial rankings included", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let election = 0; election < 500; election++) {
      const choices = 3 + Math.floor(random() * 5);
      const ballots = Array.from({ length: 1 + Math.floor(random() * 40) }, () => {
        const ranking = Array.from({ length: choices }, (_, i) => i + 1).sort(() => random() - 0.5);
        return { ranking: ranking.slice(0, 1 + Math.floor(random() * choices)), balance: 1 + Math.floor(random() * 5) };
      });
      expect([...instantRunoff(ballots)].sort(), `election ${election}`).toEqual([...referenceRunoff(ballots)].sort());
    }
  });
});

describe("decideOutcome", () => {
  const basic = { votingType: "basic" as const, choiceCount: 3, quorumWeight: 0, passThreshold: 0.5, payout: true };

  it("basic passes on a For majority of For + Against; abstentions count for quorum only", () => {
    const o = decideOutcome(basic, [
      { choice: 1, balance: 2 },
      { choice: 2, balance: 1 },
      { choice: 3, balance: 5 },
    ]);
    expect(o).toMatchObject({ status: "passed", scores: [2, 1, 5], scoresTotal: 8, winner: 3, voters: 3 });
  });

  it("a basic tie is rejected", () => {
    const o = decideOutcome(basic, [
      { choice: 1, balance: 2 },
      { choice: 2, balance: 2 },
    ]);
    expect(o).toMatchObject({ status: "rejected", tie: true, winner: null });
  });

  it("below quorum, or with no votes, the proposal expires", () => {
    expect(decideOutcome({ ...basic, quorumWeight: 5 }, [{ choice: 1, balance: 4 }]).status).toBe("expired");
    expect(decideOutcome(basic, []).status).toBe("expired");
    expect(decideOutcome({ ...basic, quorumWeight: 4 }, [{ choice: 1, balance: 4 }]).status).toBe("passed");
  });

  it("a higher threshold needs a larger For share", () => {
    const votes = [
      { choice: 1, balance: 3 },
      { choice: 2, balance: 2 },
    ];
    expect(decideOutcome({ ...basic, passThreshold: 0.6 }, votes).status).toBe("rejected");
    expect(decideOutcome({ ...basic, passThreshold: 0.55 }, votes).status).toBe("passed");
  });

  it("other types pass on a unique winner, which for payouts must be choice 1", () => {
    const terms = { votingType: "single_choice" as const, choiceCount: 3, quorumWeight: 0, passThreshold: 0.5 };
    const votes = [
      { choice: 2, balance: 2 },
      { choice: 1, balance: 1 },
    ];
    expect(decideOutcome({ ...terms, payout: false }, votes)).toMatchObject({ status: "passed", winner: 2 });
    expect(decideOutcome({ ...terms, payout: true }, votes)).toMatchObject({ status: "rejected", winner: 2 });
    const tied = [...votes, { choice: 1, balance: 1 }];
    expect(decideOutcome({ ...terms, payout: false }, tied)).toMatchObject({ status: "rejected", tie: true });
  });
});

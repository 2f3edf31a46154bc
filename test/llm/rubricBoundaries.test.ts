import { describe, expect, it } from "vitest";
import type { EvaluationInput } from "../../src/llm/evaluationTypes.ts";
import { defaultRubric } from "../../src/llm/rubric.ts";
import { informativeLength, rubricDraft, similarity } from "../../src/llm/rubricEvaluator.ts";

// The rubric evaluator sets rewards offline: each threshold is pinned on both sides of its edge.
const base: EvaluationInput = {
  title: "Docs",
  description: "",
  category: "docs",
  links: [],
  hours: null,
  earlier: [],
  authorTrackRecord: 0,
};
const draft = (over: Partial<EvaluationInput>) => rubricDraft({ ...base, ...over }, defaultRubric);
const score = (d: ReturnType<typeof draft>, name: string) => d.scores.find((s) => s.criterion === name)?.score;
/** One sentence of exactly `n` characters (letters and spaces, ending with a full stop). */
const sentence = (n: number) =>
  `${"word "
    .repeat(Math.ceil(n / 5))
    .slice(0, n - 1)
    .trimEnd()
    .padEnd(n - 1, "x")}.`;

describe("rubric thresholds, on both sides of each edge", () => {
  it("counts a description as enough to judge from 80 informative characters, and the square root of its share below", () => {
    expect(informativeLength(sentence(80))).toBe(80);
    expect(score(draft({ description: sentence(80) }), "quality")).toBe(4);
    expect(score(draft({ description: sentence(80) }), "effort")).toBe(3);
    // More text earns nothing.
    expect(score(draft({ description: sentence(400) }), "quality")).toBe(4);
    // A quarter of it is half the credit: quality 2 + 2 × 0.5, effort 2 + 0.5.
    expect(score(draft({ description: sentence(20) }), "quality")).toBe(3);
    expect(score(draft({ description: sentence(20) }), "effort")).toBe(2.5);
    expect(score(draft({ description: sentence(45) }), "quality")).toBe(3.5);
    expect(score(draft({ description: "" }), "quality")).toBe(2);
  });

  it("flags low evidence without links under 200 informative characters, not at 200", () => {
    expect(draft({ description: sentence(199) }).flags).toContain("low_evidence");
    const at200 = draft({ description: sentence(200) });
    expect(at200.flags).not.toContain("low_evidence");
    // And confidence rises by 0.1 from 200 characters on.
    expect(at200.confidence - draft({ description: sentence(199) }).confidence).toBeCloseTo(0.2);
    expect(draft({ description: sentence(100), links: ["https://github.com/a/b/pull/1"] }).flags).not.toContain(
      "low_evidence",
    );
  });

  it("flags hours beyond what the evidence backs (4 + 8 per link), not hours at that limit", () => {
    expect(draft({ description: sentence(200), hours: 4 }).flags).not.toContain("low_evidence");
    expect(draft({ description: sentence(200), hours: 5 }).flags).toContain("low_evidence");
  });

  it("scores issue and doc links into impact: +1 each beside a pull request's +3", () => {
    const links = ["https://github.com/a/b/pull/1", "https://github.com/a/b/issues/2"];
    expect(score(draft({ description: sentence(100), links }), "impact")).toBe(6);
    expect(score(draft({ description: sentence(100), links: [links[0] as string] }), "impact")).toBe(5);
  });

  it("treats 80 % similarity to earlier work as a duplicate, and names the first of equally similar ones", () => {
    // Seven words against six of them: 4 shared trigrams of 5 → Jaccard 0.8.
    const d = draft({
      title: "alpha",
      description: "beta gamma delta epsilon zeta eta",
      earlier: [
        { id: 3, text: "alpha beta gamma delta epsilon zeta", sameAuthor: false },
        { id: 4, text: "alpha beta gamma delta epsilon zeta", sameAuthor: false },
      ],
    });
    expect(d.flags).toContain("possible_duplicate");
    expect(d.rationale).toContain("80% similar to contribution #3");
    const below = draft({
      title: "alpha",
      description: "beta gamma delta epsilon zeta eta theta",
      earlier: [{ id: 3, text: "alpha beta gamma delta epsilon zeta", sameAuthor: false }],
    });
    expect(below.flags).not.toContain("possible_duplicate");
  });

  it("flags keyword stuffing from 8 bait words making up a fifth of the text", () => {
    const bait = "impact critical crucial essential important significant major huge";
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");
    // The title ("Docs") counts too: 8 of 1 + 8 + 31 = 40 words is exactly a fifth.
    expect(draft({ description: `${bait} ${filler(31)}` }).flags).toContain("keyword_stuffing");
    expect(draft({ description: `${bait} ${filler(32)}` }).flags).not.toContain("keyword_stuffing");
    expect(draft({ description: `${bait.split(" ").slice(1).join(" ")} ${filler(20)}` }).flags).not.toContain(
      "keyword_stuffing",
    );
  });

  it("quotes the first sentence, trimmed, and the links found in the text as evidence", () => {
    const link = "https://github.com/a/b/pull/9";
    const d = draft({ description: `  Fixed the cache. Then ${link} merged it.`, links: [link] });
    expect(d.evidence).toEqual(["Fixed the cache.", link]);
  });
});

describe("the rationale", () => {
  it("names every contribution that already claimed a link, and stays within 1,000 characters", () => {
    const two = draft({
      description: sentence(100),
      claimedElsewhere: [
        { key: "pr:a/b#1", contributionId: 3 },
        { key: "pr:a/b#2", contributionId: 4 },
      ],
    });
    expect(two.rationale).toContain("Its link(s) were already claimed by #3, #4.");
    const many = draft({
      description: sentence(100),
      claimedElsewhere: Array.from({ length: 400 }, (_, i) => ({ key: `pr:a/b#${i}`, contributionId: 1000 + i })),
    });
    expect(many.rationale).toHaveLength(1000);
  });
});

describe("similarity and informative length", () => {
  it("compares texts of fewer than three words whole, and empty texts as nothing alike", () => {
    expect(similarity("fixed docs", "fixed docs")).toBe(1);
    expect(similarity("fixed docs", "fixed tests")).toBe(0);
    expect(similarity("", "")).toBe(0);
    expect(similarity("", "one two three")).toBe(0);
  });

  it("counts each distinct sentence once, trimmed, and nothing for sentences without words", () => {
    expect(informativeLength("  Fixed it.")).toBe(9);
    expect(informativeLength("Fixed it. --- !!!")).toBe(9);
    expect(informativeLength("Fixed it. Fixed it.")).toBe(9);
    // Different words with the same letters are different sentences.
    expect(informativeLength("a bc. ab c.")).toBe(10);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { detectInjection } from "../../src/llm/detectInjection.ts";
import type { EvaluationInput } from "../../src/llm/evaluationTypes.ts";
import { createLlmEvaluator } from "../../src/llm/llmEvaluator.ts";
import { retryAfterMs } from "../../src/llm/retryTransient.ts";
import { defaultRubric } from "../../src/llm/rubric.ts";
import { linkKind, rubricDraft, similarity } from "../../src/llm/rubricEvaluator.ts";
import { runEvaluator } from "../../src/services/evaluations/runEvaluator.ts";
import { suggestReward } from "../../src/services/evaluations/suggestReward.ts";
import { evaluationJson, type LocalOpenAI, type Reply, startLocalOpenAI } from "../helpers/localOpenAI.ts";

const input: EvaluationInput = {
  title: "Fix docs",
  description: "Rewrote the quick start guide. It now works on a fresh clone.\n- new install steps\n- troubleshooting",
  category: "docs",
  links: ["https://github.com/d/s/pull/1"],
  hours: 2,
  earlier: [],
  authorTrackRecord: 1,
};

describe("the rubric evaluator", () => {
  it("is deterministic and keeps its evidence verbatim", () => {
    const a = rubricDraft(input, defaultRubric);
    expect(rubricDraft(structuredClone(input), defaultRubric)).toEqual(a);
    expect(a.total).toBeGreaterThan(0);
    expect(a.total).toBeLessThanOrEqual(100);
    for (const q of a.evidence) expect(input.description.includes(q) || input.links.includes(q)).toBe(true);
  });

  it("pins the formula: scores, total and confidence worked out by hand from docs/members.md", () => {
    const d = rubricDraft(input, defaultRubric);
    // 96 informative characters (≥ 80: described), one PR link. impact 2+3, quality 2+2+2, effort 2+2+1+1,
    // alignment 5 + 1×0.6 (docs is not a core category).
    expect(d.scores.map((s) => [s.criterion, s.score])).toEqual([
      ["impact", 5],
      ["quality", 6],
      ["effort", 6],
      ["alignment", 5.6],
    ]);
    // 0.35×50 + 0.25×60 + 0.2×60 + 0.2×56 = 55.7
    expect(d.total).toBe(56);
    // 0.4 + 0.1 × one kind of evidence (a PR), no flags
    expect(d.confidence).toBe(0.5);
    expect(d.flags).toEqual([]);
    const thin = rubricDraft({ ...input, description: "Fixed it.", links: [] }, defaultRubric);
    // 9 informative characters: √(9/80) = 0.34 of a description's credit. quality 2 + 2×0.34, effort 2 + 0.34.
    expect(thin.scores.map((s) => s.score)).toEqual([2, 2.7, 2.3, 5.6]);
    expect(thin.confidence).toBe(0.3); // 0.4 − 0.1 for low_evidence
  });

  it("judges a link by the host a browser would open and counts the same work once", () => {
    expect(linkKind("https://github.com@evil.example/pull/1")).toBe("other");
    expect(linkKind("https://www.GitHub.com/A/B/pull/3/files?x=1#y")).toBe("pr");
    expect(linkKind("javascript:alert(1)")).toBe("other");
  });

  it("recognises what links point at", () => {
    expect(linkKind("https://github.com/a/b/pull/3")).toBe("pr");
    expect(linkKind("https://github.com/a/b/commit/9f8e7d6c5b")).toBe("commit");
    expect(linkKind("https://github.com/a/b/issues/4")).toBe("issue");
    expect(linkKind("https://docs.dao.org/guide")).toBe("doc");
    expect(linkKind("https://example.com")).toBe("other");
  });

  it("flags near-duplicates and cuts their impact and effort", () => {
    const dup = rubricDraft(
      { ...input, earlier: [{ id: 7, text: `${input.title}\n${input.description}`, sameAuthor: false }] },
      defaultRubric,
    );
    expect(dup.flags).toEqual(expect.arrayContaining(["possible_duplicate", "needs_human"]));
    expect(dup.total).toBeLessThan(rubricDraft(input, defaultRubric).total);
    expect(dup.rationale).toContain("similar to contribution #7");
    expect(similarity("a b c d e", "x y z")).toBe(0);
  });

  it("flags thin evidence and hours the text does not back", () => {
    const thin = rubricDraft({ ...input, description: "Did stuff.", links: [], hours: 40 }, defaultRubric);
    expect(thin.flags).toContain("low_evidence");
    expect(thin.scores.find((s) => s.criterion === "effort")?.reason).toContain(
      "more than the description and links evidence",
    );
  });

  it("does not flag ordinary text as injection", () => {
    expect(
      detectInjection(["Refactored the scoring module; the previous implementation ignored empty rows."]).suspected,
    ).toBe(false);
  });
});

describe("the reward policy", () => {
  const policy = { maxPerContribution: 1000n, epochBudget: 10_000n };
  it("scales with score and category, and never exceeds the caps", () => {
    expect(suggestReward(policy, defaultRubric, "code", 50)).toBe(500n);
    expect(suggestReward(policy, defaultRubric, "community", 50)).toBe(350n);
    expect(suggestReward(policy, defaultRubric, "code", 100)).toBe(1000n);
    expect(suggestReward({ ...policy, epochBudget: 300n }, defaultRubric, "code", 100)).toBe(300n);
    expect(suggestReward(policy, { ...defaultRubric, categoryMultipliers: { code: 5 } }, "code", 100)).toBe(1000n);
    expect(suggestReward(policy, defaultRubric, "code", 90, 20)).toBe(200n);
  });
});

describe("the LLM evaluator against a local OpenAI-compatible server", () => {
  let server: LocalOpenAI | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const evaluatorFor = async (script: (i: number) => Reply, timeoutMs = 2000) => {
    server = await startLocalOpenAI((_req, i) => script(i));
    return createLlmEvaluator(
      { apiKey: undefined, baseUrl: server.baseUrl, model: "m", timeoutMs, retries: 2, retryBaseMs: 20 },
      defaultRubric,
    );
  };

  it("waits as long as Retry-After says after a 429, then succeeds", async () => {
    const evaluate = await evaluatorFor((i) =>
      i === 0 ? { status: 429, headers: { "retry-after": "1" } } : { content: evaluationJson() },
    );
    const started = Date.now();
    const run = await evaluate(input);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(run.attempts).toBe(2);
    expect(server?.requests).toHaveLength(2);
  });

  it("retries 5xx with backoff and gives up after its retries", async () => {
    const ok = await evaluatorFor((i) => (i < 2 ? { status: 503 } : { content: evaluationJson() }));
    expect((await ok(input)).attempts).toBe(3);
    await server?.close();
    const never = await evaluatorFor(() => ({ status: 500 }));
    await expect(never(input)).rejects.toMatchObject({ status: 500 });
    expect(server?.requests).toHaveLength(3);
  });

  it("times out a stalled call and retries it", async () => {
    const evaluate = await evaluatorFor((i) => (i === 0 ? { stallMs: 5000 } : { content: evaluationJson() }), 300);
    expect((await evaluate(input)).attempts).toBe(2);
  });

  it("repairs malformed output once, and reports a second failure", async () => {
    const repaired = await evaluatorFor((i) => (i === 0 ? { raw: "{not json" } : { content: evaluationJson() }));
    expect((await repaired(input)).draft.total).toBeGreaterThan(0);
    expect(server?.requests[1]?.messages.at(-1)?.content).toMatch(/did not match the required JSON schema/);
    await server?.close();
    const broken = await evaluatorFor(() => ({ content: JSON.stringify({ scores: "many" }) }));
    await expect(broken(input)).rejects.toMatchObject({ name: "MalformedOutputError" });
  });

  it("treats a refusal as a failure the rubric covers, flagged for a human", async () => {
    const evaluate = await evaluatorFor(() => ({ refusal: "I can't help with that." }));
    await expect(evaluate(input)).rejects.toMatchObject({ name: "RefusalError" });
    const outcome = await runEvaluator({ rubric: defaultRubric, llm: evaluate, samples: 1 }, input);
    expect(outcome).toMatchObject({ evaluator: "rubric", fallbackReason: "RefusalError" });
    expect(outcome.run.draft.flags).toContain("needs_human");
  });

  it("keeps the median of several samples and records their spread", async () => {
    const totals = [
      [2, 2, 2, 2],
      [9, 9, 9, 9],
      [5, 5, 5, 5],
    ];
    const evaluate = await evaluatorFor((i) => ({ content: evaluationJson({ scores: totals[i % 3] }) }));
    const outcome = await runEvaluator({ rubric: defaultRubric, llm: evaluate, samples: 3 }, input);
    expect(outcome.run.draft.total).toBe(50);
    expect(outcome.spread).toBe(70);
    expect(outcome.run.promptTokens).toBe(360);
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(retryAfterMs({ headers: new Headers({ "retry-after": "2" }) })).toBe(2000);
    expect(retryAfterMs({ headers: { "retry-after": new Date(10_000).toUTCString() } }, 4000)).toBe(6000);
    expect(retryAfterMs({})).toBeUndefined();
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { EvaluationInput } from "../../src/llm/evaluationTypes.ts";
import { defaultRubric } from "../../src/llm/rubric.ts";
import { RUBRIC_EVALUATOR_VERSION, rubricDraft, rubricEvaluate } from "../../src/llm/rubricEvaluator.ts";
import { expectGolden } from "../helpers/golden.ts";

interface Draft {
  title: string;
  description: string;
  links: string[];
  hours?: number;
  category?: string;
}
const gaming = JSON.parse(readFileSync("test/fixtures/gaming/cases.json", "utf8")) as {
  cases: { id: string; honest: Draft; attempt: Draft; prior?: Draft[] }[];
};
const injection = JSON.parse(readFileSync("test/fixtures/injection/cases.json", "utf8")) as {
  id: string;
  attempt: Draft;
  twin: Draft;
}[];

const CATEGORIES = ["code", "docs", "design", "research", "community", "ops", "other"];

/** Every corpus text, in varied circumstances: categories, track records, earlier work, links claimed elsewhere. */
function inputs(): [string, EvaluationInput][] {
  const out: [string, EvaluationInput][] = [];
  const add = (name: string, d: Draft, i: number, extra: Partial<EvaluationInput> = {}) =>
    out.push([
      name,
      {
        title: d.title,
        description: d.description,
        category: d.category ?? CATEGORIES[i % CATEGORIES.length] ?? "other",
        links: d.links,
        hours: d.hours ?? null,
        earlier: [],
        authorTrackRecord: i % 7,
        ...extra,
      },
    ]);
  gaming.cases.forEach((c, i) => {
    add(`${c.id}/honest`, c.honest, i);
    add(`${c.id}/attempt`, c.attempt, i, {
      earlier: (c.prior ?? []).map((p, k) => ({
        id: k + 1,
        text: `${p.title}\n${p.description}`,
        sameAuthor: k % 2 === 0,
      })),
    });
  });
  injection.forEach((c, i) => {
    add(`${c.id}/twin`, c.twin, i);
    add(`${c.id}/attempt`, c.attempt, i);
  });
  const first = gaming.cases[0]?.honest as Draft;
  add("claimed-elsewhere", first, 0, { claimedElsewhere: [{ key: "github.com/dao/app/pull/1", contributionId: 9 }] });
  add("exact-copy-of-own-earlier", first, 1, {
    earlier: [{ id: 3, text: `${first.title}\n${first.description}`, sameAuthor: true }],
  });
  add("exact-copy-of-others-earlier", first, 2, {
    earlier: [{ id: 4, text: `${first.title}\n${first.description}`, sameAuthor: false }],
  });
  add("empty", { title: "x", description: "", links: [] }, 3);
  add(
    "keyword-stuffed",
    {
      title: "An impactful critical crucial essential important significant major contribution",
      description:
        "This excellent outstanding exceptional innovative groundbreaking revolutionary transformative work is high quality, the best, amazing, incredible, perfect, valuable, vital, key and strategic: maximum score, maximum reward, full alignment with the mission.",
      links: [],
    },
    4,
  );
  add("two-words-copied", { title: "Typo", description: "Fixed typo", links: [] }, 5, {
    earlier: [{ id: 8, text: "Typo\nFixed typo", sameAuthor: false }],
  });
  add("two-words-new", { title: "Typo", description: "Fixed typo", links: [] }, 6, {
    earlier: [{ id: 8, text: "Logo\nDrew logo", sameAuthor: false }],
  });
  return out;
}

describe("the rubric evaluator's output, pinned", () => {
  // Offline, this formula sets rewards: any change to a score, reason, flag or confidence must be deliberate (update
  // the file with `UPDATE_GOLDEN=1 npx vitest run test/llm/rubricGolden.test.ts` and review the diff) and bump its
  // version.
  it("gives exactly the recorded draft for every corpus text in every circumstance", () => {
    // A RUBRIC_FILE may add criteria the offline evaluator cannot measure: they get a neutral score, said so.
    const extended = {
      ...defaultRubric,
      criteria: [...defaultRubric.criteria, { name: "security", weight: 0.1, description: "Safety of the change." }],
    };
    const drafts = {
      version: RUBRIC_EVALUATOR_VERSION,
      ...Object.fromEntries(inputs().map(([name, input]) => [name, rubricDraft(input, defaultRubric)])),
      "extended-rubric": rubricDraft(inputs()[0]?.[1] as EvaluationInput, extended),
    };
    const run = rubricEvaluate(inputs()[0]?.[1] as EvaluationInput, defaultRubric);
    expect(run).toMatchObject({ model: RUBRIC_EVALUATOR_VERSION, promptVersion: "none", temperature: 0, attempts: 1 });
    expect(run.latencyMs).toBeGreaterThanOrEqual(0);
    expect(run.latencyMs).toBeLessThan(1000);
    expectGolden("test/fixtures/rubric-golden.json", drafts);
  });
});

describe("one-line text on Discord", () => {
  // Slash-command options are one line: the same description typed there must score as it does in the form.
  it("scores a description the same whether its lines are broken or not", () => {
    const base = {
      title: "Fix the release pipeline",
      category: "code",
      links: ["https://github.com/dao/app/pull/7"],
      hours: 3,
      earlier: [],
      authorTrackRecord: 2,
    };
    const multi =
      "Fixed the release pipeline.\n\n- pinned the node version\n- added a regression test\n\nTested on a fresh clone.";
    const oneLine = multi.replace(/\s*\n+\s*/g, " ");
    const a = rubricDraft({ ...base, description: multi }, defaultRubric);
    const b = rubricDraft({ ...base, description: oneLine }, defaultRubric);
    expect(b.total).toBe(a.total);
    expect(b.scores.map((s) => s.score)).toEqual(a.scores.map((s) => s.score));
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LinkFacts, VerifiedLinkFacts } from "../../src/base/githubFacts.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { githubFactLine } from "../../src/discord/views/githubFactsView.ts";
import { translator } from "../../src/i18n/translator.ts";
import type { EvaluationInput } from "../../src/llm/evaluationTypes.ts";
import { loadRubric } from "../../src/llm/loadRubric.ts";
import { evaluateContributionMessages } from "../../src/llm/prompts/evaluateContribution.v2.ts";
import { rubricDraft } from "../../src/llm/rubricEvaluator.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { claimedByNodeId } from "../../src/services/github/claimedByNodeId.ts";
import { judgeAuthorship, refusedPulls } from "../../src/services/github/judgeFacts.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { recordEvaluation } from "../helpers/storedFacts.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const rubric = loadRubric(undefined);

function prFacts(over: { key?: string; author?: string; authorId?: number; nodeId?: string } = {}, size = [120, 30]) {
  const [additions = 0, deletions = 0] = size;
  return {
    status: "verified",
    key: over.key ?? "github.com/acme/app/pr/81",
    url: "https://github.com/acme/app/pull/81",
    readAt: "2026-12-07T08:00:00.000Z",
    etags: { pull: 'W/"1"' },
    repo: { owner: "acme", name: "app", ownerType: "Organization", authorAloneControls: false },
    pr: {
      nodeId: over.nodeId ?? "PR_81",
      number: 81,
      title: "Fix",
      state: "closed",
      merged: true,
      mergedBy: "bob",
      mergedAt: "2026-12-07T07:00:00Z",
      author: over.author ?? "alice",
      authorId: over.authorId ?? 7,
      createdAt: "2026-12-06T07:00:00Z",
      size: {
        additions,
        deletions,
        files: 4,
        apart: { additions: 0, deletions: 0, files: 0, lockfiles: 0, generated: 0, whitespaceOnly: 0 },
      },
      approvedBy: ["carol"],
      changesRequestedBy: [],
    },
  } satisfies VerifiedLinkFacts;
}

const input = (githubFacts?: LinkFacts[]): EvaluationInput => ({
  title: "Fix the crash on start",
  description: "Fixed the crash on start and added a regression test so it cannot come back.",
  category: "code",
  links: ["https://github.com/acme/app/pull/81"],
  hours: 40,
  earlier: [],
  authorTrackRecord: 0,
  ...(githubFacts ? { githubFacts } : {}),
});

const score = (i: EvaluationInput, name: string) => rubricDraft(i, rubric).scores.find((s) => s.criterion === name);

describe("who authored a PR, against the member's verified account", () => {
  it("theirs, someone else's (refused), or unproven without a linked account; by GitHub's id, not the login", () => {
    const facts = [prFacts({ authorId: 7, author: "alice" })];
    expect(judgeAuthorship(facts, { githubId: 7 })[0]).toMatchObject({ authorship: "member" });
    expect(judgeAuthorship(facts, { githubId: 8 })[0]).toMatchObject({ authorship: "other" });
    expect(judgeAuthorship(facts, null)[0]).toMatchObject({ authorship: "unlinked" });
    expect(refusedPulls(judgeAuthorship(facts, { githubId: 8 }))).toEqual([
      { key: "github.com/acme/app/pr/81", number: 81, author: "alice" },
    ]);
    expect(refusedPulls(judgeAuthorship(facts, null))).toEqual([]);
  });

  it("is shown in the evaluation as the issue words it", () => {
    const [other] = judgeAuthorship([prFacts({ author: "carol" })], { githubId: 99 });
    expect(githubFactLine(translator("en"), other as LinkFacts)).toBe(
      "PR #81 was authored by @carol: only its author can claim it.",
    );
    const [own] = judgeAuthorship([prFacts()], { githubId: 7 });
    expect(githubFactLine(translator("en"), own as LinkFacts)).toBe(
      "PR #81 merged by @bob, authored by you ✓, +120/−30 in 4 files, approved by @carol",
    );
  });
});

describe("the rubric evaluator with verified facts", () => {
  // Without facts (GitHub not read) test/llm/rubricGolden.test.ts holds the scores as they always were.
  it("with no code link checked it scores as without GitHub", () => {
    expect(rubricDraft(input([]), rubric)).toEqual(rubricDraft(input(), rubric));
  });

  it("effort follows the verified size of the work, not the claimed hours: a one-line PR scores as one", () => {
    const big = score(input(judgeAuthorship([prFacts({}, [250, 100])], { githubId: 7 })), "effort");
    const tiny = score(input(judgeAuthorship([prFacts({}, [1, 1])], { githubId: 7 })), "effort");
    expect(big?.score).toBeGreaterThan(tiny?.score ?? 99);
    expect(tiny?.reason).toContain("verified on GitHub: 2 changed line(s) of work");
    // Less than a PR link alone earns unchecked: a checked one-line change is not a PR's worth of effort.
    expect(tiny?.score).toBeLessThan(score(input(), "effort")?.score ?? 0);
  });

  it("impact: a merged PR with an approving review counts more than one never merged", () => {
    const facts = (merged: boolean, approvedBy: string[], mergedBy = "bob") => {
      const f = prFacts();
      return input(judgeAuthorship([{ ...f, pr: { ...f.pr, merged, approvedBy, mergedBy } }], { githubId: 7 }));
    };
    const unchecked = score(input(), "impact")?.score ?? 0;
    expect(score(facts(true, ["carol"]), "impact")?.score).toBe(unchecked + 1);
    // Merged by someone else: that merge is a review. Merged by its author with no approval: unreviewed.
    expect(score(facts(true, []), "impact")?.score).toBe(unchecked + 1);
    expect(score(facts(true, [], "alice"), "impact")?.score).toBe(unchecked);
    expect(score(facts(false, ["carol"]), "impact")?.score).toBe(unchecked - 1);
    expect(score(facts(true, ["carol"]), "impact")?.reason).toContain(
      "verified on GitHub: 1 merged PR(s), approved by @carol",
    );
    expect(score(facts(true, []), "impact")?.reason).toContain("merged by someone else");
    expect(score(facts(true, [], "alice"), "impact")?.reason).toContain("no approving review");
  });

  it("lines in lockfiles, generated files or whitespace are not work", () => {
    const f = prFacts({}, [900, 850]);
    const churn = {
      ...f,
      pr: {
        ...f.pr,
        size: {
          ...f.pr.size,
          apart: { additions: 899, deletions: 850, files: 1, lockfiles: 1, generated: 0, whitespaceOnly: 0 },
        },
      },
    };
    const effort = score(input(judgeAuthorship([churn], { githubId: 7 })), "effort");
    expect(effort?.reason).toContain(
      "1 changed line(s) of work (1749 in lockfiles, generated files or whitespace, not counted)",
    );
  });

  it("someone else's PR is no evidence: it scores as a submission without that link", () => {
    const refused = input(judgeAuthorship([prFacts()], { githubId: 99 }));
    const own = input(judgeAuthorship([prFacts()], { githubId: 7 }));
    const withoutLink = { ...input(), links: [] };
    expect(rubricDraft(refused, rubric).total).toBeLessThan(rubricDraft(own, rubric).total);
    expect(score(refused, "impact")?.score).toBe(score(withoutLink, "impact")?.score);
    expect(score(refused, "effort")?.score).toBe(score(withoutLink, "effort")?.score);
  });
});

describe("the LLM prompt", () => {
  it("carries GitHub's facts in a verified_facts section apart from the member's words, and is unchanged without them", () => {
    const plain = evaluateContributionMessages(input(), rubric);
    expect(evaluateContributionMessages(input([]), rubric)).toEqual(plain);
    const [system, user] = evaluateContributionMessages(input(judgeAuthorship([prFacts()], { githubId: 99 })), rubric);
    expect(system?.content).toContain("<verified_facts> were read by Steward from GitHub");
    const facts = /<verified_facts>\n([\s\S]*)\n<\/verified_facts>/.exec(user?.content ?? "")?.[1] ?? "";
    expect(JSON.parse(facts)).toEqual([
      expect.objectContaining({
        pr: 81,
        state: "merged",
        author: "alice",
        refused: true,
        authored_by_contributor: false,
      }),
    ]);
    // The member's words stay inside <submission>, the facts outside it.
    expect(user?.content.indexOf("</submission>")).toBeLessThan(user?.content.indexOf("<verified_facts>") ?? -1);
  });
});

describe("the same PR claimed twice pays once, by GitHub's node id", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("finds an earlier evaluation that verified the same node under another link (a renamed repository)", async () => {
    const deps = serviceDeps(database);
    const author = actor("900000000000000001");
    const draft = (title: string) => ({ title, description: "Did it.", category: "code" as const, links: [] });
    const first = await submitContribution(deps, author, draft("First"));
    const second = await submitContribution(deps, author, draft("Second"));
    await recordEvaluation(database, first.id, [
      { ...prFacts({ key: "github.com/old-name/app/pr/81" }), authorship: "member" },
    ]);
    const renamed = { ...prFacts({ key: "github.com/new-name/app/pr/81" }), authorship: "member" as const };
    const now = [renamed];
    expect(await claimedByNodeId(deps, second, now)).toEqual([
      { key: "github.com/new-name/app/pr/81", contributionId: first.id },
    ]);
    // Another PR (another node) is not the same work, whatever its number.
    expect(await claimedByNodeId(deps, second, [{ ...renamed, pr: { ...renamed.pr, nodeId: "PR_OTHER" } }])).toEqual(
      [],
    );
    // An earlier claim that was refused (someone else's PR) was never paid: it does not count.
    await database.prisma.evaluation.update({ where: { activeFor: first.id }, data: { activeFor: null } });
    await recordEvaluation(database, first.id, [
      { ...prFacts({ key: "github.com/old-name/app/pr/81" }), authorship: "other" },
    ]);
    expect(await claimedByNodeId(deps, second, now)).toEqual([]);
  });
});

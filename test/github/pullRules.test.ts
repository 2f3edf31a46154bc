import { type GithubSandbox, startGithubSandbox } from "@steward/github-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LinkFacts, VerifiedLinkFacts } from "../../src/base/githubFacts.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { githubFactLine } from "../../src/discord/views/githubFactsView.ts";
import { translator } from "../../src/i18n/translator.ts";
import type { EvaluationInput, EvaluatorRun } from "../../src/llm/evaluationTypes.ts";
import type { LlmEvaluate } from "../../src/llm/llmEvaluator.ts";
import { loadRubric } from "../../src/llm/loadRubric.ts";
import { evaluateContributionMessages } from "../../src/llm/prompts/evaluateContribution.v2.ts";
import { rubricDraft } from "../../src/llm/rubricEvaluator.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { claimSubmitted } from "../../src/services/evaluations/claimSubmitted.ts";
import { evaluateContribution } from "../../src/services/evaluations/evaluateContribution.ts";
import { DeviceLinks } from "../../src/services/github/deviceLinks.ts";
import { closingIssues } from "../../src/services/github/pullHistory.ts";
import { readContributionFacts } from "../../src/services/github/readContributionFacts.ts";
import { githubControl, githubPull } from "../helpers/localGithub.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const rubric = loadRubric(undefined);
let database: Database;
let github: GithubSandbox;
let token: string;
beforeAll(async () => {
  database = await createTestDatabase();
  github = await startGithubSandbox();
  token = String((await githubControl(github.url, "POST", "/sandbox/users", { login: "rules-reader" })).token);
});
afterAll(async () => {
  await github.close();
  await database.close();
});

function deps() {
  const d = serviceDeps(database);
  d.github = { apiUrl: github.url, token, factsTimeoutMs: 5_000, links: new DeviceLinks() };
  return d;
}

const verified = (f: LinkFacts | undefined): VerifiedLinkFacts => {
  if (f?.status !== "verified") throw new Error(`not verified: ${JSON.stringify(f)}`);
  return f;
};
const read = async (url: string) => verified((await readContributionFacts(deps(), [url]))?.[0]);
const owned = (f: VerifiedLinkFacts): LinkFacts => ({ ...f, authorship: "member" });
const input = (facts: LinkFacts[]): EvaluationInput => ({
  title: "A change",
  description: "Changed the start so that it no longer crashes, with a regression test for it.",
  category: "code",
  links: facts.map((f) => f.url),
  hours: null,
  earlier: [],
  authorTrackRecord: 0,
  githubFacts: facts,
});
const impact = (facts: LinkFacts[]) => rubricDraft(input(facts), rubric).scores.find((s) => s.criterion === "impact");

describe("linked issues closed", () => {
  it("GitHub's closing keywords in the description, of this repository only", () => {
    expect(
      closingIssues("Fixes #12 and closes acme/app#3.\nResolved: #7; see #8, fixes other/repo#9", "acme", "app"),
    ).toEqual([12, 3, 7]);
    expect(closingIssues("prefixes #4, #5 closes", "acme", "app")).toEqual([]);
    expect(closingIssues(null, "acme", "app")).toEqual([]);
  });

  it("are in the PR's facts and shown", async () => {
    const repo = "closing";
    await githubPull(github.url, { owner: "acme", repo, author: "alice", approvedBy: ["carol"] });
    const issue = await githubControl(github.url, "POST", `/sandbox/repos/acme/${repo}/issues`, {
      author: "carol",
      title: "It crashes",
    });
    const pr = await githubControl(github.url, "POST", `/sandbox/repos/acme/${repo}/pulls`, {
      author: "alice",
      title: "Fix it",
      closes: [issue.number],
      files: [{ filename: "src/a.ts", additions: 40, deletions: 2 }],
    });
    const f = await read(`https://github.com/acme/${repo}/pull/${pr.number}`);
    expect(f.pr?.closesIssues).toEqual([issue.number]);
    expect(githubFactLine(translator("en"), owned(f))).toContain(`, closes #${issue.number}`);
  });
});

describe("a reverted PR is flagged", () => {
  it("a later merged PR that reverts it (GitHub's Revert button) is found; a proposed one is noted, another's is not", async () => {
    const repo = "reverting";
    const files = [{ filename: "src/cache.ts", additions: 80, deletions: 5 }];
    const prs = [];
    // Ten PRs, so that "#1" is not mistaken for the revert of "#10".
    for (let i = 0; i < 10; i++)
      prs.push(await githubPull(github.url, { owner: "acme", repo, author: "alice", files, mergedBy: "bob" }));
    const [first, , third, , , , , , , tenth] = prs;
    if (!first || !third || !tenth) throw new Error("no PRs");
    const before = await read(first.url);
    expect(before.pr?.revertedBy).toBeNull();
    await githubControl(github.url, "POST", "/sandbox/clock", { advance_ms: 24 * 3600_000 });
    const revert = await githubControl(github.url, "POST", `/sandbox/repos/acme/${repo}/pulls`, {
      author: "bob",
      reverts: tenth.number,
    });
    const proposed = await read(tenth.url);
    expect(proposed.pr?.revertedBy).toMatchObject({ number: revert.number, merged: false });
    expect(githubFactLine(translator("en"), owned(proposed))).toContain(`a revert is proposed in PR #${revert.number}`);
    await githubControl(github.url, "POST", `/sandbox/repos/acme/${repo}/pulls/${revert.number}/merge`, {
      merged_by: "bob",
    });
    const reverted = await read(tenth.url);
    expect(reverted.pr?.revertedBy).toMatchObject({ number: revert.number, merged: true });
    expect(githubFactLine(translator("en"), owned(reverted))).toContain(`reverted by PR #${revert.number} ⚠`);
    expect((await read(first.url)).pr?.revertedBy).toBeNull();
    expect((await read(third.url)).pr?.revertedBy).toBeNull();
  });
});

describe("trivially small changes are scored as such", () => {
  it("a one-word typo PR has a small change's impact, not a PR's; a substantial one keeps it", async () => {
    const typo = await githubPull(github.url, {
      owner: "acme",
      repo: "typo",
      author: "alice",
      files: [{ filename: "docs/guide.md", additions: 1, deletions: 1 }],
      mergedBy: "bob",
    });
    const real = await githubPull(github.url, {
      owner: "acme",
      repo: "typo",
      author: "alice",
      files: [{ filename: "src/feature.ts", additions: 60, deletions: 4 }],
      mergedBy: "bob",
    });
    const small = impact([owned(await read(typo.url))]);
    const large = impact([owned(await read(real.url))]);
    expect((large?.score ?? 0) - (small?.score ?? 0)).toBe(2);
    expect(small?.reason).toContain("a trivially small change");
    expect(large?.reason).not.toContain("trivially small");
  });
});

describe("a PR merged by its author in a repository they alone control", () => {
  it("counts as unreviewed whatever approvals it shows, and says so", async () => {
    const selfMerged = await githubPull(github.url, {
      owner: "mallory",
      repo: "alone",
      author: "mallory",
      files: [{ filename: "src/engine.ts", additions: 120, deletions: 0 }],
      approvedBy: ["mallory-alt"],
      mergedBy: "mallory",
    });
    const f = owned(await read(selfMerged.url));
    const { pr, ...rest } = f as VerifiedLinkFacts;
    const noApproval = { ...rest, pr: pr && { ...pr, approvedBy: [] } } as LinkFacts;
    expect(impact([f])?.score).toBe(impact([noApproval])?.score);
    expect(impact([f])?.reason).toContain("merged by its author in a repository only they control");
    expect(githubFactLine(translator("en"), f)).toContain("paid at most as unreviewed work");
    const [, user] = evaluateContributionMessages(input([f]), rubric);
    expect(user?.content).toContain('"self_merged_in_own_repository": true');
  });

  it("is paid at most the unreviewed rate whatever the LLM says", async () => {
    const pr = await githubPull(github.url, {
      owner: "mallory",
      repo: "alone-llm",
      author: "mallory",
      files: [{ filename: "src/engine.ts", additions: 120, deletions: 0 }],
      mergedBy: "mallory",
    });
    const generous = (async (): Promise<EvaluatorRun> => ({
      draft: {
        scores: rubric.criteria.map((c) => ({ criterion: c.name, score: 10, weight: c.weight, reason: "great" })),
        total: 100,
        confidence: 0.9,
        rationale: "Perfect.",
        evidence: [],
        droppedQuotes: 0,
        flags: [],
      },
      model: "generous",
      promptVersion: "p",
      promptSha256: "x",
      temperature: 0,
      promptTokens: 1,
      completionTokens: 1,
      latencyMs: 1,
      attempts: 1,
    })) as unknown as LlmEvaluate;
    const d = deps();
    const c = await submitContribution(d, actor("930100000000000001"), {
      title: "Engine",
      description: "A new engine.",
      category: "code",
      links: [pr.url],
    });
    await claimSubmitted(d, 100);
    const evaluation = await evaluateContribution(d, c.id, { llm: generous });
    expect(evaluation?.total).toBe(100);
    expect(evaluation?.flags).toContain("self_merged");
    expect(BigInt(evaluation?.suggestedReward.toFixed(0) ?? "0")).toBeLessThan(d.evaluation.policy.maxPerContribution);
  });
});

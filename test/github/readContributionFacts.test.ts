import { type GithubSandbox, startGithubSandbox } from "@steward/github-sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LinkFacts, VerifiedLinkFacts } from "../../src/base/githubFacts.ts";
import { readGithubFacts } from "../../src/db/json/githubFacts.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { claimSubmitted } from "../../src/services/evaluations/claimSubmitted.ts";
import { evaluateContribution } from "../../src/services/evaluations/evaluateContribution.ts";
import { DeviceLinks } from "../../src/services/github/deviceLinks.ts";
import type { GithubDeps } from "../../src/services/github/githubDeps.ts";
import { githubTarget } from "../../src/services/github/githubTarget.ts";
import { askAhead } from "../../src/services/github/linkNodes.ts";
import { readContributionFacts } from "../../src/services/github/readContributionFacts.ts";
import { githubControl, githubPull } from "../helpers/localGithub.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
let github: GithubSandbox;
let token: string;
beforeAll(async () => {
  database = await createTestDatabase();
  github = await startGithubSandbox();
  token = String((await githubControl(github.url, "POST", "/sandbox/users", { login: "reader" })).token);
});
afterAll(async () => {
  await github.close();
  await database.close();
});
beforeEach(async () => {
  await githubControl(github.url, "PUT", "/sandbox/rate-limits", {
    perHour: 5000,
    pointsPerMinute: 900,
    graphqlPerHour: 5000,
  });
  await githubControl(github.url, "PUT", "/sandbox/latency", { ms: 0 });
  await githubControl(github.url, "PUT", "/sandbox/graphql", { enabled: true });
});

function deps(over: Partial<GithubDeps> = {}) {
  const d = serviceDeps(database);
  d.github = { apiUrl: github.url, token, factsTimeoutMs: 5_000, links: new DeviceLinks(), ...over };
  return d;
}

const verified = (f: LinkFacts | undefined): VerifiedLinkFacts => {
  if (f?.status !== "verified") throw new Error(`not verified: ${JSON.stringify(f)}`);
  return f;
};

const stats = async () =>
  (await githubControl(github.url, "GET", "/sandbox/stats")) as { requests: number; not_modified: number };

describe("facts of code links, read from GitHub", () => {
  it("a merged PR: who wrote and merged it, its size with lockfiles and whitespace counted apart, who approved", async () => {
    const pr = await githubPull(github.url, {
      owner: "acme",
      repo: "app",
      author: "alice",
      files: [
        { filename: "src/start.ts", additions: 120, deletions: 30 },
        { filename: "package-lock.json", additions: 900, deletions: 850 },
        { filename: "vendor/lib/x.js", additions: 40, deletions: 0 },
        { filename: "src/format.ts", additions: 2, deletions: 2, patch: "@@ -1,2 +1,2 @@\n-a( b )\n-c\n+a(b)\n+  c" },
      ],
      approvedBy: ["carol"],
      commentedBy: ["dave"],
      mergedBy: "bob",
    });
    const before = await stats();
    const [facts] = (await readContributionFacts(deps(), [pr.url, `${pr.url}/files`])) ?? [];
    const f = verified(facts);
    expect(f.key).toBe(`github.com/acme/app/pr/${pr.number}`);
    expect(f.pr).toMatchObject({
      number: pr.number,
      state: "closed",
      merged: true,
      mergedBy: "bob",
      author: "alice",
      // Read with the PR in one GraphQL query: who approved is known even when someone else merged it.
      approvedBy: ["carol"],
      changesRequestedBy: [],
      revertedBy: null,
    });
    expect(f.pr?.reviewsRead).toBeUndefined();
    expect(f.pr?.nodeId).toMatch(/\S/);
    expect(f.pr?.size).toEqual({
      additions: 1062,
      deletions: 882,
      files: 4,
      apart: { additions: 942, deletions: 852, files: 3, lockfiles: 1, generated: 1, whitespaceOnly: 1 },
    });
    expect(f.repo).toEqual({ owner: "acme", name: "app", ownerType: "User", authorAloneControls: false });
    // The PR by GraphQL (no ETag there), its files by REST (patches: GraphQL has none), the PR list for a revert.
    expect(Object.keys(f.etags).sort()).toEqual(["files"]);
    expect((await stats()).requests - before.requests).toBe(3);
    expect(await database.prisma.githubLinkRead.count({ where: { key: f.key } })).toBe(1);
  });

  it("without GraphQL (an API that has none), the same facts by REST, and the reviews not asked when another merged", async () => {
    const pr = await githubPull(github.url, {
      owner: "acme",
      repo: "restonly",
      author: "alice",
      files: [
        { filename: "src/start.ts", additions: 120, deletions: 30 },
        { filename: "package-lock.json", additions: 900, deletions: 850 },
      ],
      approvedBy: ["carol"],
      mergedBy: "bob",
    });
    const issue = await githubControl(github.url, "POST", "/sandbox/repos/acme/restonly/issues", {
      author: "carol",
      title: "It crashes",
    });
    const links = [pr.url, `https://github.com/acme/restonly/issues/${issue.number}`];
    const byGraphql = ((await readContributionFacts(deps(), links)) ?? []).map(verified);
    await githubControl(github.url, "PUT", "/sandbox/graphql", { enabled: false });
    const byRest = ((await readContributionFacts(deps(), links)) ?? []).map(verified);
    expect(byRest[0]?.pr).toMatchObject({
      merged: true,
      mergedBy: "bob",
      author: "alice",
      // Merged by someone else: the merge is the review, the reviews are not asked (one request less).
      approvedBy: [],
      reviewsRead: false,
    });
    expect(Object.keys(byRest[0]?.etags ?? {}).sort()).toEqual(["files", "pull"]);
    expect(Object.keys(byRest[1]?.etags ?? {}).sort()).toEqual(["issue"]);
    // Apart from what REST did not ask and the ETags, GraphQL and REST say the same.
    const same = (f: VerifiedLinkFacts) => {
      const { etags: _etags, readAt: _readAt, ...rest } = f;
      return rest.pr ? { ...rest, pr: { ...rest.pr, approvedBy: [], reviewsRead: false } } : rest;
    };
    expect(byGraphql.map(same)).toEqual(byRest.map(same));
  });

  it("reviews are read when nobody else merged it: comment-only reviews approve nothing", async () => {
    const pr = await githubPull(github.url, {
      owner: "acme",
      repo: "reviewed",
      author: "alice",
      approvedBy: ["carol"],
      commentedBy: ["dave", "erin"],
    });
    const f = verified((await readContributionFacts(deps(), [pr.url]))?.[0]);
    expect(f.pr).toMatchObject({ merged: false, approvedBy: ["carol"], changesRequestedBy: [] });
    expect(f.pr?.reviewsRead).toBeUndefined();
    expect(Object.keys(f.etags).sort()).toEqual(["files"]);
  });

  it("reads again with If-None-Match: unchanged answers are 304s, changed ones are read", async () => {
    const pr = await githubPull(github.url, { owner: "acme", repo: "cached", author: "alice" });
    await readContributionFacts(deps(), [pr.url]);
    const before = await stats();
    const again = verified((await readContributionFacts(deps(), [pr.url]))?.[0]);
    const after = await stats();
    // The PR and its reviews in one GraphQL query (no ETags there); the files a 304.
    expect(after.requests - before.requests).toBe(2);
    expect(after.not_modified - before.not_modified).toBe(1);
    expect(again.pr?.merged).toBe(false);
    // Merged meanwhile: the PR's answer changes and is read anew; the rest stays 304.
    await githubControl(github.url, "POST", `/sandbox/repos/acme/cached/pulls/${pr.number}/merge`, {
      merged_by: "bob",
    });
    const merged = verified((await readContributionFacts(deps(), [pr.url]))?.[0]);
    expect(merged.pr).toMatchObject({ merged: true, mergedBy: "bob" });
    // The files are a 304; the repository's PR list (is it reverted?) is read for the first time.
    expect((await stats()).not_modified - after.not_modified).toBe(1);
  });

  it("a PR merged by its author in a repository they alone control is noted as such", async () => {
    const pr = await githubPull(github.url, {
      owner: "mallory",
      repo: "fresh",
      author: "mallory",
      mergedBy: "mallory",
    });
    const f = verified((await readContributionFacts(deps(), [pr.url]))?.[0]);
    expect(f.repo).toMatchObject({ owner: "mallory", authorAloneControls: true });
    const shared = await githubPull(github.url, {
      owner: "erin",
      repo: "shared",
      author: "erin",
      contributors: ["frank"],
    });
    expect(verified((await readContributionFacts(deps(), [shared.url]))?.[0]).repo.authorAloneControls).toBe(false);
  });

  it("commits and issues; a missing PR, another host and a doc are not facts", async () => {
    const commit = await githubControl(github.url, "POST", "/sandbox/repos/acme/app/commits", {
      author: "alice",
      message: "Fix the build",
      files: [{ filename: "ci.yml", additions: 3, deletions: 1 }],
    });
    const issue = await githubControl(github.url, "POST", "/sandbox/repos/acme/app/issues", {
      author: "carol",
      title: "It crashes",
    });
    const facts =
      (await readContributionFacts(deps(), [
        `https://github.com/acme/app/commit/${commit.sha}`,
        `https://github.com/acme/app/issues/${issue.number}`,
        "https://github.com/acme/app/pull/9999",
        "https://gitlab.com/acme/app/-/merge_requests/1",
        "https://docs.example.org/guide",
      ])) ?? [];
    expect(facts.map((f) => f.status)).toEqual(["verified", "verified", "claim"]);
    expect(verified(facts[0]).commit).toMatchObject({
      author: "alice",
      size: { additions: 3, deletions: 1, files: 1 },
    });
    expect(verified(facts[1]).issue).toMatchObject({ author: "carol", state: "open" });
    expect(facts[2]).toMatchObject({ status: "claim", reason: "not_found" });
  });

  it("a primary limit used up until after the wait: the links stay claims at once (no hour-long wait)", async () => {
    const pr = await githubPull(github.url, { owner: "acme", repo: "limited", author: "alice" });
    await githubControl(github.url, "PUT", "/sandbox/rate-limits", { perHour: 1, graphqlPerHour: 0 });
    const started = Date.now();
    const facts = await readContributionFacts(
      deps({
        token: String((await githubControl(github.url, "POST", "/sandbox/users", { login: "limited-reader" })).token),
      }),
      [pr.url],
    );
    expect(facts?.[0]).toMatchObject({ status: "claim", reason: "rate_limited" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("GraphQL's hour spent, REST's not: the links are read by REST", async () => {
    const pr = await githubPull(github.url, { owner: "acme", repo: "gqlspent", author: "alice", mergedBy: "bob" });
    await githubControl(github.url, "PUT", "/sandbox/rate-limits", { graphqlPerHour: 0 });
    const started = Date.now();
    const f = verified((await readContributionFacts(deps(), [pr.url]))?.[0]);
    expect(f.pr).toMatchObject({ merged: true, mergedBy: "bob", author: "alice", reviewsRead: false });
    expect(Object.keys(f.etags).sort()).toEqual(["files", "pull"]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("an issue link to a PR's number: GraphQL says it is a PR, and REST reads it as the issue GitHub shows", async () => {
    const pr = await githubPull(github.url, { owner: "acme", repo: "prasissue", author: "alice" });
    const [f] = ((await readContributionFacts(deps(), [`https://github.com/acme/prasissue/issues/${pr.number}`])) ??
      []) as LinkFacts[];
    expect(verified(f).issue).toMatchObject({ number: pr.number, author: "alice", state: "open" });
    expect(Object.keys(verified(f).etags)).toEqual(["issue"]);
  });

  it("a link asked ahead whose batch ran out of time is read by the evaluation itself, in its own time", async () => {
    const pr = await githubPull(github.url, { owner: "acme", repo: "aheadlate", author: "alice" });
    const d = deps();
    const target = githubTarget(pr.url);
    if (d.github === undefined || target?.kind !== "pr") throw new Error("no GitHub");
    // The evaluate job asked it ahead, and that batch's wait is over before it was answered.
    askAhead(d.github, [target], AbortSignal.abort(), Date.now());
    const f = verified((await readContributionFacts(d, [pr.url]))?.[0]);
    expect(f.pr).toMatchObject({ author: "alice", merged: false });
  });

  it("a secondary limit with retry-after inside the wait: waits, then reads", async () => {
    const pr = await githubPull(github.url, { owner: "acme", repo: "secondary", author: "alice" });
    await githubControl(github.url, "PUT", "/sandbox/rate-limits", { pointsPerMinute: 3, retryAfterSeconds: 1 });
    // This minute's points used up: the first request is refused with retry-after: 1; the minute passes meanwhile.
    for (let i = 0; i < 3; i++)
      await fetch(`${github.url}/users/reader`, { headers: { authorization: `token ${token}` } });
    const started = Date.now();
    setTimeout(() => void githubControl(github.url, "POST", "/sandbox/clock", { advance_ms: 61_000 }), 300);
    const facts = await readContributionFacts(deps(), [pr.url]);
    expect(facts?.[0]?.status).toBe("verified");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const refused = (await githubControl(github.url, "GET", "/sandbox/rate-limits")) as {
      refused?: { secondary?: number };
    };
    expect(refused.refused?.secondary ?? 0).toBeGreaterThan(0);
  });

  it("a secondary limit that outlasts the wait: the link stays a claim", async () => {
    const pr = await githubPull(github.url, { owner: "acme", repo: "secondary2", author: "alice" });
    await githubControl(github.url, "PUT", "/sandbox/rate-limits", { pointsPerMinute: 1, retryAfterSeconds: 60 });
    const started = Date.now();
    const facts = await readContributionFacts(deps(), [pr.url]);
    expect(facts?.[0]).toMatchObject({ status: "claim", reason: "rate_limited" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a GitHub slower than GITHUB_FACTS_TIMEOUT: the links count as claims when it passes", async () => {
    const pr = await githubPull(github.url, { owner: "acme", repo: "slow", author: "alice" });
    await githubControl(github.url, "PUT", "/sandbox/latency", { ms: 3_000 });
    const started = Date.now();
    const facts = await readContributionFacts(deps({ factsTimeoutMs: 300 }), [
      pr.url,
      "https://github.com/acme/app/pull/1",
    ]);
    expect(facts?.map((f) => (f.status === "claim" ? f.reason : f.status))).toEqual(["timeout", "timeout"]);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("GitHub not configured: no facts, nothing asked", async () => {
    const d = serviceDeps(database);
    expect(d.github).toBeUndefined();
    expect(await readContributionFacts(d, ["https://github.com/acme/app/pull/1"])).toBeUndefined();
  });
});

describe("an evaluation reads the facts first and keeps them", () => {
  it("stores the facts with the evaluation and in its audit event; without GitHub, none", async () => {
    const pr = await githubPull(github.url, { owner: "acme", repo: "evaluated", author: "alice", mergedBy: "bob" });
    const submit = async (d: ReturnType<typeof serviceDeps>, who: string) => {
      const c = await submitContribution(d, actor(who), {
        title: `Fix ${who}`,
        description: "Fixed the start.",
        category: "code",
        links: [pr.url],
      });
      await claimSubmitted(d, 100);
      const evaluation = await evaluateContribution(d, c.id);
      if (!evaluation) throw new Error("not evaluated");
      return evaluation;
    };
    const on = await submit(deps(), "700000000000000001");
    const facts = readGithubFacts(on);
    expect(facts?.map((f) => f.status)).toEqual(["verified"]);
    expect(verified(facts?.[0]).pr).toMatchObject({ author: "alice", mergedBy: "bob" });
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "evaluation.created", subjectId: String(on.contributionId) },
    });
    expect((event.payload as { githubFacts?: unknown[] }).githubFacts).toEqual([
      expect.objectContaining({ key: facts?.[0]?.key, status: "verified", author: "alice", merged: true }),
    ]);
    const off = await submit(serviceDeps(database), "700000000000000002");
    expect(readGithubFacts(off)).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecValidator } from "../src/index.ts";
import { startWorld } from "./world.ts";

let world: Awaited<ReturnType<typeof startWorld>>;
const validator = new SpecValidator();

beforeAll(async () => {
  world = await startWorld({ validator });
});
afterAll(() => world.sandbox.close());

describe("the REST endpoints Steward reads, through the real Octokit", () => {
  it("GET /user answers the token's owner, with private counts; a bad token is 401 Bad credentials", async () => {
    const { data, headers } = await world.octokit("bob").rest.users.getAuthenticated();
    expect(data).toMatchObject({ login: "bob", name: "BOB", type: "User", user_view_type: "private" });
    expect(typeof data.id).toBe("number");
    expect(headers["x-ratelimit-limit"]).toBe("5000");
    await expect(world.octokit("bob", { auth: "ghp_wrong" }).rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining("Bad credentials"),
    });
    await expect(world.octokit("bob", { auth: undefined }).rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 401,
    });
  });

  it("GET /users/{username} answers a public profile, and 404 for no such user", async () => {
    const { data } = await world.octokit("bob").rest.users.getByUsername({ username: "carol" });
    expect(data).toMatchObject({ login: "carol", user_view_type: "public", public_repos: 0 });
    await expect(world.octokit("bob").rest.users.getByUsername({ username: "nobody" })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("GET /repos/{owner}/{repo}: the owner; a private repository is 404 to strangers, visible to its owner", async () => {
    const { data } = await world.octokit("bob").rest.repos.get({ owner: "alice", repo: "app" });
    expect(data).toMatchObject({ full_name: "alice/app", private: false, owner: { login: "alice" } });
    await expect(world.octokit("bob").rest.repos.get({ owner: "alice", repo: "secret" })).rejects.toMatchObject({
      status: 404,
    });
    const own = await world.octokit("alice").rest.repos.get({ owner: "alice", repo: "secret" });
    expect(own.data).toMatchObject({ private: true, visibility: "private" });
  });

  it("GET a pull request: author, merged and by whom, size, state", async () => {
    const { data } = await world
      .octokit("carol")
      .rest.pulls.get({ owner: "alice", repo: "app", pull_number: world.pullNumber });
    expect(data).toMatchObject({
      id: expect.any(Number),
      number: world.pullNumber,
      state: "closed",
      merged: true,
      user: { login: "bob" },
      merged_by: { login: "alice" },
      additions: 1020,
      deletions: 880,
      changed_files: 2,
      merge_commit_sha: world.mergeSha,
      body: `Closes #${world.issueNumber}`,
    });
    await expect(
      world.octokit("carol").rest.pulls.get({ owner: "alice", repo: "app", pull_number: 99 }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("GET a pull request's files and reviews", async () => {
    const files = await world
      .octokit("carol")
      .rest.pulls.listFiles({ owner: "alice", repo: "app", pull_number: world.pullNumber });
    expect(files.data.map((f) => [f.filename, f.additions, f.deletions, f.changes])).toEqual([
      ["src/start.ts", 120, 30, 150],
      ["package-lock.json", 900, 850, 1750],
    ]);
    const reviews = await world
      .octokit("carol")
      .rest.pulls.listReviews({ owner: "alice", repo: "app", pull_number: world.pullNumber });
    expect(reviews.data.map((r) => [r.user?.login, r.state, r.commit_id])).toEqual([
      ["carol", "APPROVED", world.headSha],
      ["alice", "COMMENTED", world.headSha],
    ]);
  });

  it("a revert is a later PR whose title, body and branch name the reverted one, as GitHub's Revert button writes", async () => {
    const { data } = await world
      .octokit("carol")
      .rest.pulls.get({ owner: "alice", repo: "app", pull_number: world.revertNumber });
    expect(data.title).toBe('Revert "Fix the crash on start"');
    expect(data.body).toBe(`Reverts alice/app#${world.pullNumber}`);
    expect(data.head.ref).toMatch(new RegExp(`^revert-${world.pullNumber}-`));
    expect(data.state).toBe("open");
  });

  it("GET a repository's pull requests: open by default, newest first, paged; closed and all on asking", async () => {
    const list = (q: {
      state?: "open" | "closed" | "all";
      direction?: "asc" | "desc";
      per_page?: number;
      page?: number;
    }) => world.octokit("carol").rest.pulls.list({ owner: "alice", repo: "app", ...q });
    expect((await list({})).data.map((p) => p.number)).toEqual([world.revertNumber]);
    expect((await list({ state: "closed" })).data.map((p) => p.number)).toEqual([world.pullNumber]);
    const all = await list({ state: "all" });
    expect(all.data.map((p) => [p.number, p.title, p.body])).toEqual([
      [world.revertNumber, 'Revert "Fix the crash on start"', `Reverts alice/app#${world.pullNumber}`],
      [world.pullNumber, "Fix the crash on start", `Closes #${world.issueNumber}`],
    ]);
    expect((await list({ state: "all", direction: "asc" })).data.map((p) => p.number)).toEqual([
      world.pullNumber,
      world.revertNumber,
    ]);
    expect((await list({ state: "all", per_page: 1, page: 2 })).data.map((p) => p.number)).toEqual([world.pullNumber]);
  });

  it("GET a commit by full or short sha; an unknown sha is 422", async () => {
    const { data } = await world
      .octokit("carol")
      .rest.repos.getCommit({ owner: "alice", repo: "app", ref: world.mergeSha.slice(0, 7) });
    expect(data).toMatchObject({
      sha: world.mergeSha,
      author: { login: "alice" },
      stats: { additions: 1020, deletions: 880 },
    });
    expect(data.parents).toHaveLength(2);
    await expect(
      world.octokit("carol").rest.repos.getCommit({ owner: "alice", repo: "app", ref: "0000000" }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("GET an issue: closed by the merge of the PR that names it; a PR's number answers as an issue with pull_request", async () => {
    const { data } = await world
      .octokit("carol")
      .rest.issues.get({ owner: "alice", repo: "app", issue_number: world.issueNumber });
    expect(data).toMatchObject({
      state: "closed",
      state_reason: "completed",
      closed_by: { login: "alice" },
      user: { login: "carol" },
    });
    expect(data.pull_request).toBeUndefined();
    const asIssue = await world
      .octokit("carol")
      .rest.issues.get({ owner: "alice", repo: "app", issue_number: world.pullNumber });
    expect(asIssue.data.pull_request?.merged_at).toEqual(expect.any(String));
  });

  it("GET contributors: the owner and whoever merged work in; a fresh self-owned repository has only its owner", async () => {
    const { data } = await world.octokit("carol").rest.repos.listContributors({ owner: "alice", repo: "app" });
    expect(data.map((c) => c.login).sort()).toEqual(["alice", "bob", "carol"]);
    await fetch(`${world.sandbox.url}/sandbox/repos`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ owner: "bob", name: "solo" }),
    });
    const solo = await world.octokit("carol").rest.repos.listContributors({ owner: "bob", repo: "solo" });
    expect(solo.data.map((c) => c.login)).toEqual(["bob"]);
  });

  it("GET /gists/{gist_id}: the owner and the files' content; 404 for no such gist", async () => {
    const { data } = await world.octokit("alice").rest.gists.get({ gist_id: world.gistId });
    expect(data.owner?.login).toBe("bob");
    expect(data.files?.["steward.txt"]?.content).toBe("steward-proof: 8f3a");
    await expect(world.octokit("alice").rest.gists.get({ gist_id: "nope" })).rejects.toMatchObject({ status: 404 });
  });

  it("GET /users/{username}/gists: the user's public gists, newest first, files without content; 404 for no such user", async () => {
    await fetch(`${world.sandbox.url}/sandbox/gists`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ owner: "bob", files: { "secret.txt": "not listed" }, public: false }),
    });
    const later = await fetch(`${world.sandbox.url}/sandbox/gists`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ owner: "bob", files: { "later.txt": "second" } }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const { data } = await world.octokit("alice").rest.gists.listForUser({ username: "bob" });
    expect(data.map((g) => g.id)).toEqual([later.id, world.gistId]);
    expect(data[1]?.files["steward.txt"]).toMatchObject({ filename: "steward.txt", size: 19 });
    expect(data[1]?.files["steward.txt"]).not.toHaveProperty("content");
    expect((await world.octokit("alice").rest.gists.listForUser({ username: "alice" })).data).toEqual([]);
    await expect(world.octokit("alice").rest.gists.listForUser({ username: "nobody" })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("GET /rate_limit tells the core limit without using it", async () => {
    const before = await world.octokit("carol").rest.rateLimit.get();
    const after = await world.octokit("carol").rest.rateLimit.get();
    expect(after.data.resources.core.used).toBe(before.data.resources.core.used);
    expect(after.data.rate).toMatchObject({ limit: 5000 });
  });

  it("every answer above fits GitHub's OpenAPI description of its operation", () => {
    // Runs after the tests above: the validator checked each 200 they received.
    expect(world.sandbox.violations).toEqual([]);
    expect([...validator.checked].sort()).toEqual(
      [
        "/user",
        "/users/{username}",
        "/repos/{owner}/{repo}",
        "/repos/{owner}/{repo}/pulls",
        "/repos/{owner}/{repo}/pulls/{pull_number}",
        "/repos/{owner}/{repo}/pulls/{pull_number}/files",
        "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
        "/repos/{owner}/{repo}/commits/{ref}",
        "/repos/{owner}/{repo}/issues/{issue_number}",
        "/repos/{owner}/{repo}/contributors",
        "/gists/{gist_id}",
        "/users/{username}/gists",
        "/rate_limit",
      ]
        .map((template) => `GET ${template} 200`)
        .sort(),
    );
  });
});

describe("the OpenAPI check itself", () => {
  it("finds each operation the sandbox serves in GitHub's description", () => {
    for (const path of [
      "/user",
      "/users/bob",
      "/repos/a/b",
      "/repos/a/b/pulls/1",
      "/repos/a/b/pulls/1/files",
      "/repos/a/b/pulls/1/reviews",
      "/repos/a/b/commits/abc1234",
      "/repos/a/b/issues/1",
      "/repos/a/b/contributors",
      "/gists/abc",
      "/users/bob/gists",
      "/rate_limit",
    ]) {
      expect(validator.findOperation("GET", path), path).toBeDefined();
    }
  });

  it("refuses a body that is not GitHub's shape (a PR without merged_by, a user without login)", async () => {
    const { data } = await world
      .octokit("carol")
      .rest.pulls.get({ owner: "alice", repo: "app", pull_number: world.pullNumber });
    const { merged_by: _dropped, ...withoutMergedBy } = data;
    expect(
      validator.validateResponse("GET", "/repos/alice/app/pulls/2", 200, withoutMergedBy)?.errors.join(),
    ).toContain("merged_by");
    expect(validator.validateResponse("GET", "/users/bob", 200, { id: 1 })).toBeDefined();
  });
});

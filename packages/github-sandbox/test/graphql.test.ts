import { Octokit } from "@octokit/rest";
import { afterEach, describe, expect, it } from "vitest";
import { controlCall, startWorld } from "./world.ts";

// biome-ignore lint/suspicious/noExplicitAny: the answers are read by path in assertions, as a client would.
type Tree = any;

let world: Awaited<ReturnType<typeof startWorld>> | undefined;
afterEach(async () => {
  await world?.sandbox.close();
  world = undefined;
});

const PULL_AND_ISSUE = `query Facts($owner: String!, $name: String!, $pr: Int!, $issue: Int!) {
  repository(owner: $owner, name: $name) {
    owner { __typename login }
    pullRequest(number: $pr) {
      id number state merged mergedAt body
      author { login ... on User { databaseId } }
      mergedBy { login }
      additions deletions changedFiles
      files(first: 100) { totalCount nodes { path additions deletions changeType } }
      reviews(first: 100) { nodes { state author { login } } }
      closingIssuesReferences(first: 10) { nodes { number } }
    }
    issue(number: $issue) {
      id number state stateReason
      author { login }
      timelineItems(itemTypes: [CLOSED_EVENT], last: 1) { nodes { ... on ClosedEvent { actor { login } } } }
    }
  }
  rateLimit { cost nodeCount remaining }
}`;

describe("the GraphQL API", () => {
  it("answers a PR with its files, reviews and closed issues, and an issue with its closing event, in one query", async () => {
    world = await startWorld();
    const bob = world.octokit("bob");
    const res = await bob.request("POST /graphql", {
      query: PULL_AND_ISSUE,
      variables: { owner: "alice", name: "app", pr: 2, issue: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.headers["x-ratelimit-resource"]).toBe("graphql");
    expect(res.headers["x-ratelimit-limit"]).toBe("5000");
    expect(res.headers.etag).toBeUndefined();
    const { data } = res.data as { data: Tree };
    const pull = data.repository.pullRequest;
    expect(pull).toMatchObject({
      number: 2,
      state: "MERGED",
      merged: true,
      author: { login: "bob" },
      mergedBy: { login: "alice" },
      additions: 1020,
      deletions: 880,
      changedFiles: 2,
      files: {
        totalCount: 2,
        nodes: [{ path: "src/start.ts", additions: 120, deletions: 30 }, { path: "package-lock.json" }],
      },
      reviews: {
        nodes: [
          { state: "APPROVED", author: { login: "carol" } },
          { state: "COMMENTED", author: { login: "alice" } },
        ],
      },
      closingIssuesReferences: { nodes: [{ number: 1 }] },
    });
    expect(pull.author.databaseId).toBeGreaterThan(0);
    // The same node id as the REST API's node_id: a client may mix the two.
    const rest = await bob.rest.pulls.get({ owner: "alice", repo: "app", pull_number: 2 });
    expect(pull.id).toBe(rest.data.node_id);
    expect(data.repository.owner).toEqual({ __typename: "User", login: "alice" });
    expect(data.repository.issue).toMatchObject({
      number: 1,
      state: "CLOSED",
      stateReason: "COMPLETED",
      author: { login: "carol" },
      timelineItems: { nodes: [{ actor: { login: "alice" } }] },
    });
    // Connections: 100 + 100 + 10 + 1 nodes; four connections, one point.
    expect(data.rateLimit).toEqual({ cost: 1, nodeCount: 211, remaining: 4999 });
  });

  it("validates every query against GitHub's schema, as GitHub does", async () => {
    world = await startWorld();
    const bob = world.octokit("bob");
    const wrong = await bob.request("POST /graphql", {
      query: '{ repository(owner: "alice", name: "app") { stars } }',
    });
    expect(wrong.status).toBe(200);
    expect((wrong.data as Tree).errors[0].message).toBe('Cannot query field "stars" on type "Repository".');
    const noBound = await bob.request("POST /graphql", {
      query: '{ repository(owner: "alice", name: "app") { pullRequest(number: 2) { reviews { totalCount } } } }',
    });
    expect((noBound.data as Tree).errors[0].message).toBe(
      "You must provide a `first` or `last` value to properly paginate the `reviews` connection.",
    );
    const tooMany = await bob.request("POST /graphql", {
      query: '{ repository(owner: "alice", name: "app") { pullRequests(first: 101) { totalCount } } }',
    });
    expect((tooMany.data as Tree).errors[0].message).toBe(
      "Requesting 101 records on the `pullRequests` connection exceeds the `first` limit of 100 records.",
    );
    const huge = await bob.request("POST /graphql", {
      query:
        '{ repository(owner: "alice", name: "app") { pullRequests(first: 100) { nodes { files(first: 100) { nodes { path } } reviews(first: 100) { nodes { comments(first: 100) { totalCount } } } } } } }',
    });
    expect((huge.data as Tree).errors[0]).toMatchObject({
      type: "MAX_NODE_LIMIT_EXCEEDED",
      message: expect.stringContaining("exceeds the maximum limit of 500,000"),
    });
  });

  it("answers NOT_FOUND for what does not exist or the token cannot see, beside the rest of the answer", async () => {
    world = await startWorld();
    const res = await world.octokit("bob").request("POST /graphql", {
      query: `{
        a: repository(owner: "alice", name: "secret") { name }
        b: repository(owner: "alice", name: "app") { pullRequest(number: 99) { number } issue(number: 1) { number } }
      }`,
    });
    const body = res.data as { data: Tree; errors: Tree[] };
    expect(body.data).toEqual({ a: null, b: { pullRequest: null, issue: { number: 1 } } });
    expect(body.errors).toEqual([
      expect.objectContaining({
        type: "NOT_FOUND",
        path: ["a"],
        message: "Could not resolve to a Repository with the name 'alice/secret'.",
      }),
      expect.objectContaining({
        type: "NOT_FOUND",
        path: ["b", "pullRequest"],
        message: "Could not resolve to a PullRequest with the number of 99.",
      }),
    ]);
    // Its owner sees it.
    const owner = await world.octokit("alice").request("POST /graphql", {
      query: '{ repository(owner: "alice", name: "secret") { name isPrivate } }',
    });
    expect((owner.data as Tree).data.repository).toEqual({ name: "secret", isPrivate: true });
  });

  it("needs a token, and counts points against an hour of its own: RATE_LIMITED (200) once spent", async () => {
    world = await startWorld({ rateLimits: { graphqlPerHour: 2, perHour: 10 } });
    const anonymous = new Octokit({ baseUrl: world.sandbox.url });
    await expect(anonymous.request("POST /graphql", { query: "{ viewer { login } }" })).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining("This endpoint requires you to be authenticated."),
    });
    const bob = world.octokit("bob");
    for (let i = 0; i < 2; i++) {
      const ok = await bob.request("POST /graphql", { query: "{ viewer { login } }" });
      expect((ok.data as Tree).data.viewer.login).toBe("bob");
    }
    const spent = await bob.request("POST /graphql", { query: "{ viewer { login } }" });
    expect(spent.status).toBe(200);
    expect(spent.headers["x-ratelimit-remaining"]).toBe("0");
    expect((spent.data as Tree).errors).toEqual([
      { type: "RATE_LIMITED", message: expect.stringMatching(/^API rate limit already exceeded for user ID \d+\.$/) },
    ]);
    // REST's hour is apart.
    const rest = await bob.rest.users.getAuthenticated();
    expect(rest.headers["x-ratelimit-remaining"]).toBe("9");
    expect((await controlCall(world.sandbox, "GET", "/sandbox/rate-limits")).refused).toMatchObject({ primary: 1 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlCall, startWorld } from "./world.ts";

let world: Awaited<ReturnType<typeof startWorld>>;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.sandbox.close());

describe("ETags and 304 Not Modified", () => {
  it("tags every GET answer; If-None-Match with that tag is a 304 that does not count against the primary limit", async () => {
    const octokit = world.octokit("carol");
    const pull = { owner: "alice", repo: "app", pull_number: world.pullNumber };
    const first = await octokit.rest.pulls.get(pull);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    expect(first.headers["x-ratelimit-used"]).toBe("1");
    const remaining = first.headers["x-ratelimit-remaining"];

    for (let i = 0; i < 3; i++) {
      await expect(
        octokit.rest.pulls.get({ ...pull, headers: { "if-none-match": String(etag) } }),
      ).rejects.toMatchObject({
        status: 304,
        response: { headers: { etag, "x-ratelimit-remaining": remaining, "x-ratelimit-used": "1" } },
      });
    }
    // A full answer counts again.
    const second = await octokit.rest.pulls.get(pull);
    expect(second.headers.etag).toBe(etag);
    expect(second.headers["x-ratelimit-used"]).toBe("2");
    const stats = await controlCall(world.sandbox, "GET", "/sandbox/stats");
    expect(stats).toMatchObject({ not_modified: 3 });
  });

  it("a changed resource gets a new tag, so the old one is answered in full", async () => {
    const octokit = world.octokit("carol");
    const first = await octokit.rest.pulls.get({ owner: "alice", repo: "app", pull_number: world.revertNumber });
    await controlCall(world.sandbox, "POST", `/sandbox/repos/alice/app/pulls/${world.revertNumber}/merge`, {
      merged_by: "alice",
    });
    const after = await octokit.rest.pulls.get({
      owner: "alice",
      repo: "app",
      pull_number: world.revertNumber,
      headers: { "if-none-match": String(first.headers.etag) },
    });
    expect(after.status).toBe(200);
    expect(after.data.merged_by?.login).toBe("alice");
    expect(after.headers.etag).not.toBe(first.headers.etag);
  });

  it("tags the answer per resource: another pull request's tag does not match", async () => {
    const octokit = world.octokit("carol");
    const one = await octokit.rest.pulls.get({ owner: "alice", repo: "app", pull_number: world.pullNumber });
    const other = await octokit.rest.pulls.get({
      owner: "alice",
      repo: "app",
      pull_number: world.revertNumber,
      headers: { "if-none-match": String(one.headers.etag) },
    });
    expect(other.status).toBe(200);
  });
});

import { Octokit } from "@octokit/rest";
import { afterEach, describe, expect, it } from "vitest";
import { controlCall, startWorld } from "./world.ts";

let world: Awaited<ReturnType<typeof startWorld>> | undefined;
afterEach(async () => {
  await world?.sandbox.close();
  world = undefined;
});

describe("the primary rate limit", () => {
  it("is 5,000 an hour for a user's token, told in x-ratelimit-* headers", async () => {
    world = await startWorld();
    const { headers } = await world.octokit("bob").rest.users.getAuthenticated();
    expect(headers).toMatchObject({
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4999",
      "x-ratelimit-used": "1",
      "x-ratelimit-resource": "core",
    });
    const reset = Number(headers["x-ratelimit-reset"]);
    expect(reset * 1000).toBeGreaterThan(Date.now() + 3_500_000);
    expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 3_601_000);
  });

  it("refuses with 403 and GitHub's message once used up, per user (all their tokens), until the hour resets", async () => {
    world = await startWorld({ rateLimits: { perHour: 3 } });
    const bob = world.octokit("bob");
    for (let i = 0; i < 3; i++) await bob.rest.users.getByUsername({ username: "alice" });
    const refused = bob.rest.users.getByUsername({ username: "alice" });
    await expect(refused).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/^API rate limit exceeded for user ID \d+\./),
      response: { headers: { "x-ratelimit-remaining": "0", "x-ratelimit-used": "3" } },
    });
    // Another token of bob's shares his hour; carol has her own.
    const second = String((await controlCall(world.sandbox, "POST", "/sandbox/users/bob/tokens")).token);
    await expect(
      new Octokit({ baseUrl: world.sandbox.url, auth: second }).rest.users.getAuthenticated(),
    ).rejects.toMatchObject({ status: 403 });
    expect((await world.octokit("carol").rest.users.getAuthenticated()).status).toBe(200);
    await controlCall(world.sandbox, "POST", "/sandbox/clock", { advance_ms: 3_600_000 });
    const fresh = await bob.rest.users.getByUsername({ username: "alice" });
    expect(fresh.headers["x-ratelimit-remaining"]).toBe("2");
    expect((await controlCall(world.sandbox, "GET", "/sandbox/rate-limits")).refused).toMatchObject({ primary: 2 });
  });

  it("without a token: 60 an hour per address, with GitHub's hint to authenticate", async () => {
    world = await startWorld({ rateLimits: { unauthenticatedPerHour: 1 } });
    const anonymous = new Octokit({ baseUrl: world.sandbox.url });
    const first = await anonymous.rest.repos.get({ owner: "alice", repo: "app" });
    expect(first.headers["x-ratelimit-limit"]).toBe("1");
    await expect(anonymous.rest.repos.get({ owner: "alice", repo: "app" })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("Authenticated requests get a higher rate limit"),
    });
  });
});

describe("the secondary rate limits", () => {
  it("refuses requests beyond the concurrent limit with 403 and retry-after", async () => {
    world = await startWorld({ rateLimits: { maxConcurrent: 2 }, latencyMs: 300 });
    const bob = world.octokit("bob");
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => bob.rest.users.getByUsername({ username: "alice" })),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        status: 403,
        message: expect.stringContaining("secondary rate limit"),
        response: { headers: { "retry-after": "60" } },
      });
    }
    // Refused requests did not use the primary limit.
    const after = await bob.rest.users.getAuthenticated();
    expect(after.headers["x-ratelimit-used"]).toBe("3");
  });

  it("refuses more than the points allowed a minute, until the minute has passed", async () => {
    world = await startWorld({ rateLimits: { pointsPerMinute: 3, retryAfterSeconds: 30 } });
    const bob = world.octokit("bob");
    for (let i = 0; i < 3; i++) await bob.rest.repos.get({ owner: "alice", repo: "app" });
    await expect(bob.rest.repos.get({ owner: "alice", repo: "app" })).rejects.toMatchObject({
      status: 403,
      response: { headers: { "retry-after": "30" } },
    });
    // carol's minute is her own.
    expect((await world.octokit("carol").rest.repos.get({ owner: "alice", repo: "app" })).status).toBe(200);
    await controlCall(world.sandbox, "POST", "/sandbox/clock", { advance_ms: 60_000 });
    expect((await bob.rest.repos.get({ owner: "alice", repo: "app" })).status).toBe(200);
  });

  it("are changed through the control API", async () => {
    world = await startWorld();
    await controlCall(world.sandbox, "PUT", "/sandbox/rate-limits", { perHour: 1 });
    const bob = world.octokit("bob");
    await bob.rest.users.getAuthenticated();
    await expect(bob.rest.users.getAuthenticated()).rejects.toMatchObject({ status: 403 });
  });
});

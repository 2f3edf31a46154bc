import { type GithubSandbox, startGithubSandbox } from "@steward/github-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { buildEvidenceWorld, measureEvidence } from "../helpers/evidenceRun.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

// bench/evidence at a size a test can run: what reading GitHub costs per code link, pinned so that a regression fails.
let database: Database;
let github: GithubSandbox;
beforeAll(async () => {
  database = await createTestDatabase();
  github = await startGithubSandbox({ rateLimits: { perHour: 5000, pointsPerMinute: 900, maxConcurrent: 100 } });
});
afterAll(async () => {
  await github.close();
  await database.close();
});

describe("requests per code link, against the local GitHub at GitHub's limits", () => {
  it("30 contributions × (a PR, the issue it closes, a commit): every fact fetched, none refused; re-evaluation is 304s", async () => {
    const world = await buildEvidenceWorld(github, 30, "mixed");
    const { first, again } = await measureEvidence(database, github, world, { factsTimeoutMs: 60_000 });
    for (const pass of [first, again]) {
      expect(pass.links).toBe(90);
      expect(pass.claims).toEqual({});
      expect(pass.refused).toEqual({ primary: 0, secondary: 0 });
    }
    // The PRs and issues of the 30 claimed contributions in 2 GraphQL queries (50 links a query at most); a PR's files
    // and a commit by REST, one each; the repository and its PR list (reverts) once for each of the 20 repositories.
    // (Before: 7 requests a contribution, 2.33 a link; then 4, and 1.35 a link at 1,000 contributions.)
    expect(first.graphql).toBe(2);
    expect(first.counted).toBe(2 + 30 * 2 + 20 * 2);
    // Re-evaluation: the GraphQL queries again (GraphQL has no ETags); everything else asked again with its ETag
    // (304s, free) or reused within GitHub's max-age.
    expect(again.graphql).toBe(2);
    expect(again.counted).toBe(2);
    expect(again.counted / again.links).toBeLessThanOrEqual(0.2);
  });

  it("the hour's limit reached with evaluations reading at once: no request is refused, the rest stay claims", async () => {
    const small = await startGithubSandbox({ rateLimits: { perHour: 45, pointsPerMinute: 900, maxConcurrent: 100 } });
    try {
      const world = await buildEvidenceWorld(small, 20, "prs");
      const { first } = await measureEvidence(database, small, world, {
        concurrency: 8,
        factsTimeoutMs: 60_000,
        guildId: "600000000000000002",
      });
      expect(first.refused).toEqual({ primary: 0, secondary: 0 });
      // Every request of REST's hour used, none refused; GraphQL's hour is its own.
      expect(first.counted - first.graphql).toBe(45);
      expect(first.claims.rate_limited ?? 0).toBeGreaterThan(0);
    } finally {
      await small.close();
    }
  });
});

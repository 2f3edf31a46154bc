import { type GithubSandbox, startGithubSandbox } from "@steward/github-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createLogger } from "../../src/logger.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { runEvaluations } from "../../src/services/evaluations/runEvaluations.ts";
import { DeviceLinks } from "../../src/services/github/deviceLinks.ts";
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

describe("reading GitHub's facts when Steward stops", () => {
  it("aborts the reads in flight at once and records nothing: the contribution waits for the next start", async () => {
    const pr = await githubPull(github.url, { owner: "acme", repo: "stopping", author: "alice", mergedBy: "bob" });
    const deps = serviceDeps(database);
    // GitHub answers slowly, well within GITHUB_FACTS_TIMEOUT: only the shutdown can cut the reads short.
    deps.github = { apiUrl: github.url, token, factsTimeoutMs: 20_000, links: new DeviceLinks() };
    await githubControl(github.url, "PUT", "/sandbox/latency", { ms: 2_000 });
    const contribution = await submitContribution(deps, actor("810000000000000001"), {
      title: "Fix the stop",
      description: "Fixed the stop.",
      category: "code",
      links: [pr.url],
    });
    const shutdown = new AbortController();
    setTimeout(() => shutdown.abort(), 300);
    const started = Date.now();
    const result = await runEvaluations(deps, createLogger({ level: "silent" }), shutdown.signal);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(result).toMatchObject({ evaluated: 0, failed: 0, stopped: true });
    const after = await database.prisma.contribution.findUniqueOrThrow({ where: { id: contribution.id } });
    expect(after).toMatchObject({ status: "submitted", evaluationClaimedBy: null });
    expect(await database.prisma.evaluation.count({ where: { contributionId: contribution.id } })).toBe(0);
    expect(await database.prisma.githubLinkRead.count()).toBe(0);

    // The next start reads the facts whole and evaluates it.
    await githubControl(github.url, "PUT", "/sandbox/latency", { ms: 0 });
    const again = await runEvaluations(deps, createLogger({ level: "silent" }));
    expect(again).toMatchObject({ evaluated: 1, failed: 0 });
    const evaluation = await database.prisma.evaluation.findFirstOrThrow({
      where: { contributionId: contribution.id },
    });
    expect(JSON.stringify(evaluation.githubFacts)).toContain('"status":"verified"');
  });
});

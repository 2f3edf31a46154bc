import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, describe, expect, it } from "vitest";
import { startGithubSandbox } from "../src/index.ts";
import { controlCall } from "./world.ts";

const dir = mkdtempSync(join(tmpdir(), "github-sandbox-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the state file", () => {
  it("keeps users, tokens, repositories, PRs, reviews and merges across a restart; new ids do not reuse old ones", async () => {
    const stateFile = join(dir, "github.json");
    const first = await startGithubSandbox({ stateFile });
    const { token } = await controlCall(first, "POST", "/sandbox/users", { login: "finn" });
    await controlCall(first, "POST", "/sandbox/users", { login: "gus" });
    await controlCall(first, "POST", "/sandbox/repos", { owner: "finn", name: "tool" });
    const pr = await controlCall(first, "POST", "/sandbox/repos/finn/tool/pulls", {
      author: "gus",
      title: "Faster",
      files: [{ filename: "a.ts", additions: 3, deletions: 1 }],
    });
    await controlCall(first, "POST", `/sandbox/repos/finn/tool/pulls/${pr.number}/reviews`, {
      reviewer: "finn",
      state: "approve",
    });
    await controlCall(first, "POST", `/sandbox/repos/finn/tool/pulls/${pr.number}/merge`, { merged_by: "finn" });
    const before = await new Octokit({ baseUrl: first.url, auth: String(token) }).rest.pulls.get({
      owner: "finn",
      repo: "tool",
      pull_number: Number(pr.number),
    });
    await first.close();

    const second = await startGithubSandbox({ stateFile });
    try {
      const octokit = new Octokit({ baseUrl: second.url, auth: String(token) });
      expect((await octokit.rest.users.getAuthenticated()).data.login).toBe("finn");
      const after = await octokit.rest.pulls.get({ owner: "finn", repo: "tool", pull_number: Number(pr.number) });
      expect(after.data.id).toBe(before.data.id);
      expect(after.data.merged_by?.login).toBe("finn");
      const reviews = await octokit.rest.pulls.listReviews({
        owner: "finn",
        repo: "tool",
        pull_number: Number(pr.number),
      });
      expect(reviews.data.map((r) => r.state)).toEqual(["APPROVED"]);
      const other = await controlCall(second, "POST", "/sandbox/users", { login: "hal" });
      expect(Number(other.id)).toBeGreaterThan(before.data.id);
    } finally {
      await second.close();
    }
  });
});

import { type GithubSandbox, startGithubSandbox } from "@steward/github-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeviceLinks } from "../../src/services/github/deviceLinks.ts";
import { GithubReader } from "../../src/services/github/githubReader.ts";
import { closingIssues, revertOf } from "../../src/services/github/pullHistory.ts";
import { githubControl } from "../helpers/localGithub.ts";

// Issue 22's history rules of a PR: the issues its description closes, and the later PR that reverts it, read from
// the local GitHub's PR list as Steward reads GitHub's.

let github: GithubSandbox;
let token: string;
beforeAll(async () => {
  github = await startGithubSandbox();
  token = String((await githubControl(github.url, "POST", "/sandbox/users", { login: "history-reader" })).token);
  for (const login of ["acme", "dwsb", "alice", "bob", "mallory"])
    await githubControl(github.url, "POST", "/sandbox/users", { login });
});
afterAll(async () => {
  await github.close();
});

/** A reader of its own (nothing shared with another test's reads), as an evaluation makes one. */
const reader = () =>
  new GithubReader(
    { apiUrl: github.url, token, factsTimeoutMs: 30_000, links: new DeviceLinks() },
    AbortSignal.timeout(60_000),
    Date.now() + 60_000,
  );

async function repo(owner: string, name: string) {
  await githubControl(github.url, "POST", "/sandbox/repos", { owner, name });
}
async function open(
  owner: string,
  name: string,
  body: { author?: string; body?: string; head?: string; reverts?: number } = {},
): Promise<number> {
  const pull = await githubControl(github.url, "POST", `/sandbox/repos/${owner}/${name}/pulls`, {
    author: "alice",
    title: "A change",
    files: [{ filename: "src/app.ts", additions: 20, deletions: 1 }],
    ...body,
  });
  return Number(pull.number);
}
async function merge(owner: string, name: string, number: number) {
  await githubControl(github.url, "POST", `/sandbox/repos/${owner}/${name}/pulls/${number}/merge`, {
    merged_by: "bob",
  });
}
async function many(owner: string, name: string, count: number) {
  for (let i = 0; i < count; i++) await open(owner, name);
}
/** The PR as GitHub lists it: its number and when it was opened. */
async function pullOf(owner: string, name: string, number: number) {
  const res = await fetch(`${github.url}/repos/${owner}/${name}/pulls/${number}`, {
    headers: { authorization: `token ${token}` },
  });
  const p = (await res.json()) as { number: number; created_at: string };
  return { number: p.number, createdAt: p.created_at };
}
const revertOfPull = async (owner: string, name: string, number: number, r = reader()) =>
  revertOf(r, owner, name, await pullOf(owner, name, number));
const listReads = async (owner: string, name: string) => {
  const stats = (await githubControl(github.url, "GET", "/sandbox/stats")) as { by_path: Record<string, number> };
  return stats.by_path[`/repos/${owner}/${name}/pulls`] ?? 0;
};
const clock = (ms: number) => githubControl(github.url, "POST", "/sandbox/clock", { advance_ms: ms });

describe("issues a PR's description closes", () => {
  it("every closing keyword GitHub knows, with or without a colon, in any case", () => {
    const words = ["close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved"];
    words.forEach((word, i) => {
      expect(closingIssues(`${word} #${i + 1}`, "acme", "app"), word).toEqual([i + 1]);
      expect(closingIssues(`${word.toUpperCase()}: #${i + 1}`, "acme", "app"), word).toEqual([i + 1]);
    });
    expect(closingIssues("Fixes #12, closes #12 again", "acme", "app")).toEqual([12]);
  });

  it("`owner/repo#n` of this repository (any case) closes; another repository's, or another owner's, does not", () => {
    expect(closingIssues("Closes ACME/App#3", "acme", "app")).toEqual([3]);
    expect(closingIssues("fixes acme/other#4", "acme", "app")).toEqual([]);
    expect(closingIssues("fixes other/app#5", "acme", "app")).toEqual([]);
    expect(closingIssues("fixes other/thing#6", "acme", "app")).toEqual([]);
    expect(closingIssues("resolves acme/app.js#7 and fixes #8", "acme", "app.js")).toEqual([7, 8]);
  });

  it("not a keyword inside a word, a number going on, or no description", () => {
    expect(closingIssues("prefixes #4, affixed #5, unresolved #6, fixes #12345x", "acme", "app")).toEqual([12345]);
    expect(closingIssues("fixes #7a", "acme", "app")).toEqual([7]);
    expect(closingIssues("fix #9 fix #90", "acme", "app")).toEqual([9, 90]);
    expect(closingIssues("", "acme", "app")).toEqual([]);
    expect(closingIssues(null, "acme", "app")).toEqual([]);
    expect(closingIssues(undefined, "acme", "app")).toEqual([]);
  });
});

describe("the later PR that reverts a merged PR", () => {
  it("a merged revert is preferred to a later one only proposed; none before any", async () => {
    await repo("acme", "prefer");
    const pr = await open("acme", "prefer");
    await merge("acme", "prefer", pr);
    await open("acme", "prefer");
    expect(await revertOfPull("acme", "prefer", pr)).toBeNull();
    await clock(2_000);
    const first = await open("acme", "prefer", { author: "bob", reverts: pr });
    await merge("acme", "prefer", first);
    await clock(2_000);
    const second = await open("acme", "prefer", { author: "bob", reverts: pr });
    const found = await revertOfPull("acme", "prefer", pr);
    expect(found).toEqual({
      number: first,
      merged: true,
      createdAt: (await pullOf("acme", "prefer", first)).createdAt,
    });
    expect(second).toBeGreaterThan(first);
    // Only proposed: the newest proposal.
    const other = await open("acme", "prefer");
    await merge("acme", "prefer", other);
    const proposal = await open("acme", "prefer", { author: "bob", reverts: other });
    expect(await revertOfPull("acme", "prefer", other)).toMatchObject({ number: proposal, merged: false });
  });

  it("found by its description alone (a branch named otherwise), in any case, in a repository named with a dot", async () => {
    await repo("dwsb", "app.js");
    const pr = await open("dwsb", "app.js");
    await merge("dwsb", "app.js", pr);
    // Not the revert: another repository's, a longer number, the name with any character in place of the dot.
    await open("dwsb", "app.js", { head: "x-1", body: `Reverts dwsb/other#${pr}` });
    await open("dwsb", "app.js", { head: "x-2", body: `Reverts dwsb/app.js#${pr}0` });
    await open("dwsb", "app.js", { head: "x-3", body: `Reverts dwsb/appxjs#${pr}` });
    await open("dwsb", "app.js", { head: "x-4", body: `Reverts dwsbx/app.js#${pr}` });
    expect(await revertOfPull("dwsb", "app.js", pr)).toBeNull();
    const revert = await open("dwsb", "app.js", {
      author: "bob",
      head: "undo-cache",
      body: `reverts DWSB/App.js#${pr}`,
    });
    await merge("dwsb", "app.js", revert);
    expect(await revertOfPull("dwsb", "app.js", pr)).toMatchObject({ number: revert, merged: true });
  });

  it("found by GitHub's branch name alone (`revert-n-…`), a description saying otherwise; not by a name ending so", async () => {
    await repo("acme", "branches");
    const pr = await open("acme", "branches");
    await merge("acme", "branches", pr);
    await open("acme", "branches", { head: `fix/revert-${pr}-`, body: "Tidies up" });
    await open("acme", "branches", { head: `revert-${pr}0-other`, body: "Reverts another one" });
    expect(await revertOfPull("acme", "branches", pr)).toBeNull();
    const revert = await open("acme", "branches", { author: "bob", head: `revert-${pr}-alice/change`, body: "Undo" });
    expect(await revertOfPull("acme", "branches", pr)).toMatchObject({ number: revert, merged: false });
  });

  it("a PR is not its own revert, nor reverted by a PR opened before it that names it", async () => {
    await repo("acme", "self");
    const first = await open("acme", "self");
    // Opened before the PR, naming the number it would get: no revert of it.
    const early = await open("acme", "self", {
      author: "mallory",
      head: `revert-${first + 2}-x`,
      body: `Reverts acme/self#${first + 2}`,
    });
    await merge("acme", "self", early);
    const pr = await open("acme", "self", { head: `revert-${first + 2}-mine`, body: `Reverts acme/self#${first + 2}` });
    expect(pr).toBe(first + 2);
    await merge("acme", "self", pr);
    expect(await revertOfPull("acme", "self", pr)).toBeNull();
  });

  it("a repository with few PRs is read in one page", async () => {
    await repo("acme", "short");
    const pr = await open("acme", "short");
    await merge("acme", "short", pr);
    await many("acme", "short", 3);
    const before = await listReads("acme", "short");
    expect(await revertOfPull("acme", "short", pr)).toBeNull();
    expect((await listReads("acme", "short")) - before).toBe(1);
  });

  it("pages of 100 are read, newest first, until one reaches PRs opened before this one: up to the fifth", async () => {
    await repo("acme", "busy");
    const pr = await open("acme", "busy");
    await merge("acme", "busy", pr);
    const revert = await open("acme", "busy", { author: "bob", reverts: pr });
    await merge("acme", "busy", revert);
    // 420 later PRs: the revert is the 421st newest, on the fifth page.
    await many("acme", "busy", 420);
    const before = await listReads("acme", "busy");
    expect(await revertOfPull("acme", "busy", pr)).toMatchObject({ number: revert, merged: true });
    expect((await listReads("acme", "busy")) - before).toBe(5);
  }, 120_000);

  it("a page ending before the PR was opened is the last read: what is older is no revert of it", async () => {
    await repo("acme", "older");
    const first = await open("acme", "older");
    // Opened before the PR, naming its number, and listed on the second page: not read.
    const early = await open("acme", "older", {
      author: "mallory",
      head: `revert-${first + 3}-x`,
      body: `Reverts acme/older#${first + 3}`,
    });
    await merge("acme", "older", early);
    await open("acme", "older");
    await clock(2_000);
    const pr = await open("acme", "older");
    expect(pr).toBe(first + 3);
    await merge("acme", "older", pr);
    await clock(2_000);
    // The first page: 98 later PRs, the PR, and the one opened before it.
    await many("acme", "older", 98);
    const before = await listReads("acme", "older");
    expect(await revertOfPull("acme", "older", pr)).toBeNull();
    expect((await listReads("acme", "older")) - before).toBe(1);
  }, 60_000);
});

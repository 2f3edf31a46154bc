import { Octokit } from "@octokit/rest";
import { type GithubSandbox, type GithubSandboxOptions, startGithubSandbox } from "../src/index.ts";

/** Calls the control API as tests and benchmarks do, failing loudly on a refusal. */
export async function controlCall(sandbox: GithubSandbox, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * A small world: alice owns alice/app (carol contributes) and the private alice/secret; carol opened issue #1; bob's
 * PR #2 fixes it (a source file and lockfile churn), carol approved it, alice commented and merged it; alice's PR #3
 * reverts it; bob has a gist with a proof in it.
 */
export async function startWorld(options: GithubSandboxOptions = {}) {
  const sandbox = await startGithubSandbox({ log: (line) => console.error(line), ...options });
  const tokens: Record<string, string> = {};
  for (const login of ["alice", "bob", "carol"]) {
    tokens[login] = String(
      (await controlCall(sandbox, "POST", "/sandbox/users", { login, name: login.toUpperCase() })).token,
    );
  }
  await controlCall(sandbox, "POST", "/sandbox/repos", { owner: "alice", name: "app", contributors: ["carol"] });
  await controlCall(sandbox, "POST", "/sandbox/repos", { owner: "alice", name: "secret", private: true });
  const issue = await controlCall(sandbox, "POST", "/sandbox/repos/alice/app/issues", {
    author: "carol",
    title: "Crash on start",
  });
  const pull = await controlCall(sandbox, "POST", "/sandbox/repos/alice/app/pulls", {
    author: "bob",
    title: "Fix the crash on start",
    files: [
      { filename: "src/start.ts", additions: 120, deletions: 30 },
      { filename: "package-lock.json", additions: 900, deletions: 850, status: "modified" },
    ],
    closes: [issue.number],
  });
  await controlCall(sandbox, "POST", `/sandbox/repos/alice/app/pulls/${pull.number}/reviews`, {
    reviewer: "carol",
    state: "approve",
    body: "Looks right.",
  });
  await controlCall(sandbox, "POST", `/sandbox/repos/alice/app/pulls/${pull.number}/reviews`, {
    reviewer: "alice",
    state: "comment",
  });
  const merged = await controlCall(sandbox, "POST", `/sandbox/repos/alice/app/pulls/${pull.number}/merge`, {
    merged_by: "alice",
  });
  const revert = await controlCall(sandbox, "POST", "/sandbox/repos/alice/app/pulls", {
    author: "alice",
    reverts: pull.number,
  });
  const gist = await controlCall(sandbox, "POST", "/sandbox/gists", {
    owner: "bob",
    files: { "steward.txt": "steward-proof: 8f3a" },
  });
  const octokit = (login: string, extra: Record<string, unknown> = {}) =>
    new Octokit({ baseUrl: sandbox.url, auth: tokens[login], ...extra });
  return {
    sandbox,
    tokens,
    octokit,
    issueNumber: Number(issue.number),
    pullNumber: Number(pull.number),
    revertNumber: Number(revert.number),
    mergeSha: String(merged.merge_commit_sha),
    headSha: String(pull.head_sha),
    gistId: String(gist.id),
  };
}

import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { GithubState } from "./githubState.ts";

/** The state as one JSON document: what a restart reads back (device codes are not kept: they live 15 minutes). */
interface Snapshot {
  version: 1;
  nextId: number;
  users: GithubState["users"] extends Map<string, infer U> ? U[] : never;
  tokens: [string, string][];
  repos: GithubState["repos"] extends Map<string, infer R> ? R[] : never;
  pulls: GithubState["pulls"];
  reviews: GithubState["reviews"];
  commits: GithubState["commits"] extends Map<string, infer C> ? C[] : never;
  issues: GithubState["issues"];
  gists: GithubState["gists"] extends Map<string, infer G> ? G[] : never;
  clientIds: string[];
}

export function snapshotOf(state: GithubState): Snapshot {
  return {
    version: 1,
    nextId: state.lastId,
    users: [...state.users.values()],
    tokens: [...state.tokens.entries()],
    repos: [...state.repos.values()],
    pulls: state.pulls,
    reviews: state.reviews,
    commits: [...state.commits.values()],
    issues: state.issues,
    gists: [...state.gists.values()],
    clientIds: [...state.clientIds],
  };
}

/**
 * The state kept in `path`: written whole after each change, through a temporary file so that a crash leaves the
 * last complete one.
 */
export function openGithubJournal(path: string): { state: GithubState; save(): void } {
  const state = new GithubState();
  if (existsSync(path)) {
    const s = JSON.parse(readFileSync(path, "utf8")) as Snapshot;
    if (s.version !== 1) throw new Error(`${path} is not a github-sandbox state file (version ${String(s.version)})`);
    state.lastId = s.nextId;
    for (const u of s.users) state.users.set(u.login.toLowerCase(), u);
    for (const [token, login] of s.tokens) state.tokens.set(token, login);
    for (const r of s.repos) state.repos.set(`${r.owner}/${r.name}`.toLowerCase(), r);
    state.pulls.push(...s.pulls);
    state.reviews.push(...s.reviews);
    for (const c of s.commits) state.commits.set(c.sha, c);
    state.issues.push(...s.issues);
    for (const g of s.gists) state.gists.set(g.id, g);
    for (const id of s.clientIds) state.clientIds.add(id);
  }
  return {
    state,
    save() {
      writeFileSync(`${path}.tmp`, JSON.stringify(snapshotOf(state)));
      renameSync(`${path}.tmp`, path);
    },
  };
}

import { createHash, randomBytes } from "node:crypto";

/** A control API refusal: its HTTP status and the words the caller reads. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface GithubUser {
  id: number;
  login: string;
  name: string | null;
  type: "User" | "Organization";
  createdAt: string;
}

export interface GithubRepo {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  /** Logins of people other than the owner who committed to it, in the order they were added. */
  contributors: string[];
  description: string | null;
  createdAt: string;
}

export interface GithubFile {
  filename: string;
  additions: number;
  deletions: number;
  status: "added" | "removed" | "modified" | "renamed";
  patch?: string;
}

export interface GithubCommit {
  sha: string;
  repoId: number;
  author: string;
  message: string;
  files: GithubFile[];
  parents: string[];
  date: string;
}

export interface GithubPull {
  id: number;
  repoId: number;
  number: number;
  author: string;
  title: string;
  body: string | null;
  state: "open" | "closed";
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  files: GithubFile[];
  mergedBy: string | null;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Issue numbers in this repository the PR closes when merged (GitHub's closing keywords in its body). */
  closes: number[];
}

export interface GithubReview {
  id: number;
  pullId: number;
  reviewer: string;
  state: "APPROVED" | "COMMENTED" | "CHANGES_REQUESTED";
  body: string;
  commitId: string;
  submittedAt: string;
}

export interface GithubIssue {
  id: number;
  repoId: number;
  number: number;
  author: string;
  title: string;
  body: string | null;
  state: "open" | "closed";
  closedBy: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GithubGist {
  id: string;
  owner: string;
  description: string | null;
  public: boolean;
  files: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export interface DeviceCode {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scope: string;
  expiresAt: number;
  /** Seconds the client must wait between polls; grows by 5 each time it polls too fast (slow_down). */
  interval: number;
  lastPollAt: number | null;
  approvedFor: string | null;
  denied: boolean;
  /** Issued once: a device code is exchanged for a token only once. */
  exchanged: boolean;
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** Everything the local GitHub knows, in memory: people, tokens, repositories and what happened in them. */
export class GithubState {
  readonly users = new Map<string, GithubUser>();
  /** token -> login */
  readonly tokens = new Map<string, string>();
  readonly repos = new Map<string, GithubRepo>();
  readonly pulls: GithubPull[] = [];
  readonly reviews: GithubReview[] = [];
  readonly commits = new Map<string, GithubCommit>();
  readonly issues: GithubIssue[] = [];
  readonly gists = new Map<string, GithubGist>();
  readonly deviceCodes: DeviceCode[] = [];
  /** The OAuth apps' client ids the device flow accepts (GitHub answers an unknown one with 404). */
  readonly clientIds = new Set<string>(["Iv1.sandbox"]);
  /** Moved on by the control API (POST /sandbox/clock) to expire device codes and reset rate-limit windows. */
  clockOffsetMs = 0;
  /** The last id given out (ids are unique across kinds, as GitHub's node ids are). */
  lastId = 1000;

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  id(): number {
    this.lastId += 1;
    return this.lastId;
  }

  user(login: string): GithubUser {
    const user = this.users.get(login.toLowerCase());
    if (!user) throw new HttpError(404, `There is no user ${login}.`);
    return user;
  }

  repo(owner: string, name: string): GithubRepo {
    const repo = this.repos.get(`${owner}/${name}`.toLowerCase());
    if (!repo) throw new HttpError(404, `There is no repository ${owner}/${name}.`);
    return repo;
  }

  repoById(id: number): GithubRepo {
    const repo = [...this.repos.values()].find((r) => r.id === id);
    if (!repo) throw new Error(`no repository ${id}`);
    return repo;
  }

  pull(repo: GithubRepo, number: number): GithubPull {
    const pull = this.pulls.find((p) => p.repoId === repo.id && p.number === number);
    if (!pull) throw new HttpError(404, `There is no pull request #${number} in ${repo.owner}/${repo.name}.`);
    return pull;
  }

  issue(repo: GithubRepo, number: number): GithubIssue {
    const issue = this.issues.find((i) => i.repoId === repo.id && i.number === number);
    if (!issue) throw new HttpError(404, `There is no issue #${number} in ${repo.owner}/${repo.name}.`);
    return issue;
  }

  addUser(input: { login: string; name?: string | null; token?: string; type?: "User" | "Organization" }) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(input.login)) {
      throw new HttpError(400, "A login is 1 to 39 letters, digits or hyphens, not starting with a hyphen.");
    }
    if (this.users.has(input.login.toLowerCase())) throw new HttpError(409, `The user ${input.login} exists.`);
    const user: GithubUser = {
      id: this.id(),
      login: input.login,
      name: input.name ?? null,
      type: input.type ?? "User",
      createdAt: this.nowIso(),
    };
    this.users.set(input.login.toLowerCase(), user);
    const token = input.token ?? this.issueToken(user.login);
    if (input.token) this.tokens.set(input.token, user.login);
    return { user, token };
  }

  /** A new token for a user, shaped as GitHub's user-to-server (ghu_) or personal (ghp_) tokens. */
  issueToken(login: string, prefix = "ghp_"): string {
    const token = `${prefix}${randomBytes(18).toString("base64url").replace(/[-_]/g, "x")}`;
    this.tokens.set(token, this.user(login).login);
    return token;
  }

  loginOfToken(token: string): string | undefined {
    return this.tokens.get(token);
  }

  addRepo(input: { owner: string; name: string; private?: boolean; contributors?: string[]; description?: string }) {
    const owner = this.user(input.owner);
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(input.name))
      throw new HttpError(400, "A repository name is 1 to 100 of A-Z a-z 0-9 . _ -.");
    const key = `${owner.login}/${input.name}`.toLowerCase();
    if (this.repos.has(key)) throw new HttpError(409, `The repository ${owner.login}/${input.name} exists.`);
    const repo: GithubRepo = {
      id: this.id(),
      owner: owner.login,
      name: input.name,
      private: input.private ?? false,
      contributors: [],
      description: input.description ?? null,
      createdAt: this.nowIso(),
    };
    for (const login of input.contributors ?? []) this.addContributor(repo, login);
    this.repos.set(key, repo);
    return repo;
  }

  addContributor(repo: GithubRepo, login: string) {
    const user = this.user(login);
    if (user.login !== repo.owner && !repo.contributors.includes(user.login)) repo.contributors.push(user.login);
  }

  addCommit(repo: GithubRepo, input: { author: string; message: string; files?: GithubFile[]; parents?: string[] }) {
    const author = this.user(input.author);
    const date = this.nowIso();
    const sha = sha1(`${repo.id}:${this.id()}:${input.message}:${date}`);
    const commit: GithubCommit = {
      sha,
      repoId: repo.id,
      author: author.login,
      message: input.message,
      files: input.files ?? [],
      parents: input.parents ?? [],
      date,
    };
    this.commits.set(sha, commit);
    return commit;
  }

  addPull(
    repo: GithubRepo,
    input: {
      author: string;
      title: string;
      body?: string | null;
      files?: GithubFile[];
      head?: string;
      base?: string;
      closes?: number[];
      reverts?: number;
    },
  ) {
    const author = this.user(input.author);
    const number = this.nextNumber(repo);
    let title = input.title;
    let body = input.body ?? null;
    let headRef = input.head ?? `${author.login}/change-${number}`;
    if (input.reverts !== undefined) {
      // What GitHub's "Revert" button writes: the title, the body and the branch name all name the reverted PR.
      const reverted = this.pull(repo, input.reverts);
      title = `Revert "${reverted.title}"`;
      body = `Reverts ${repo.owner}/${repo.name}#${reverted.number}${body ? `\n\n${body}` : ""}`;
      headRef = input.head ?? `revert-${reverted.number}-${reverted.headRef}`;
    }
    const closes = input.closes ?? [];
    for (const n of closes) this.issue(repo, n);
    if (closes.length > 0) body = `${body ? `${body}\n\n` : ""}${closes.map((n) => `Closes #${n}`).join("\n")}`;
    const files = input.files ?? [];
    const base = this.addCommit(repo, { author: repo.owner, message: "base" });
    const head = this.addCommit(repo, { author: author.login, message: title, files, parents: [base.sha] });
    const now = this.nowIso();
    const pull: GithubPull = {
      id: this.id(),
      repoId: repo.id,
      number,
      author: author.login,
      title,
      body,
      state: "open",
      headRef,
      headSha: head.sha,
      baseRef: input.base ?? "main",
      baseSha: base.sha,
      files,
      mergedBy: null,
      mergedAt: null,
      mergeCommitSha: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
      closes,
    };
    this.pulls.push(pull);
    return pull;
  }

  addReview(pull: GithubPull, input: { reviewer: string; state: GithubReview["state"]; body?: string }) {
    const reviewer = this.user(input.reviewer);
    const review: GithubReview = {
      id: this.id(),
      pullId: pull.id,
      reviewer: reviewer.login,
      state: input.state,
      body: input.body ?? "",
      commitId: pull.headSha,
      submittedAt: this.nowIso(),
    };
    this.reviews.push(review);
    return review;
  }

  /** Merges as GitHub does: a merge commit, the PR closed, its author a contributor, the issues it names closed. */
  merge(repo: GithubRepo, pull: GithubPull, mergedBy: string) {
    const merger = this.user(mergedBy);
    if (pull.mergedAt) throw new HttpError(409, `Pull request #${pull.number} is already merged.`);
    if (pull.state === "closed") throw new HttpError(409, `Pull request #${pull.number} is closed.`);
    const commit = this.addCommit(repo, {
      author: merger.login,
      message: `Merge pull request #${pull.number} from ${pull.author}/${pull.headRef}`,
      files: pull.files,
      parents: [pull.baseSha, pull.headSha],
    });
    const now = this.nowIso();
    Object.assign(pull, {
      state: "closed",
      mergedBy: merger.login,
      mergedAt: now,
      closedAt: now,
      updatedAt: now,
      mergeCommitSha: commit.sha,
    });
    this.addContributor(repo, pull.author);
    for (const n of pull.closes) {
      const issue = this.issue(repo, n);
      if (issue.state === "open")
        Object.assign(issue, { state: "closed", closedBy: merger.login, closedAt: now, updatedAt: now });
    }
    return pull;
  }

  close(pull: GithubPull) {
    if (pull.state === "closed") throw new HttpError(409, `Pull request #${pull.number} is closed.`);
    const now = this.nowIso();
    Object.assign(pull, { state: "closed", closedAt: now, updatedAt: now });
    return pull;
  }

  addIssue(repo: GithubRepo, input: { author: string; title: string; body?: string | null }) {
    const author = this.user(input.author);
    const now = this.nowIso();
    const issue: GithubIssue = {
      id: this.id(),
      repoId: repo.id,
      number: this.nextNumber(repo),
      author: author.login,
      title: input.title,
      body: input.body ?? null,
      state: "open",
      closedBy: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    this.issues.push(issue);
    return issue;
  }

  addGist(input: { owner: string; files: Record<string, string>; description?: string | null; public?: boolean }) {
    const owner = this.user(input.owner);
    if (Object.keys(input.files).length === 0) throw new HttpError(400, "A gist has at least one file.");
    const now = this.nowIso();
    const gist: GithubGist = {
      id: sha1(`gist:${this.id()}`).slice(0, 32),
      owner: owner.login,
      description: input.description ?? null,
      public: input.public ?? true,
      files: { ...input.files },
      createdAt: now,
      updatedAt: now,
    };
    this.gists.set(gist.id, gist);
    return gist;
  }

  /** PRs and issues share one sequence of numbers per repository, as on GitHub. */
  private nextNumber(repo: GithubRepo): number {
    const used = [...this.pulls, ...this.issues].filter((x) => x.repoId === repo.id).map((x) => x.number);
    return Math.max(0, ...used) + 1;
  }
}

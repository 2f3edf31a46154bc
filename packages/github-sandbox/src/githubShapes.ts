import type {
  GithubCommit,
  GithubFile,
  GithubGist,
  GithubIssue,
  GithubPull,
  GithubRepo,
  GithubReview,
  GithubState,
  GithubUser,
} from "./githubState.ts";

/**
 * The JSON GitHub answers with, field for field as its OpenAPI description requires (checked by SpecValidator in the
 * package's tests). `api` is where the sandbox serves the REST API (api.github.com's place), `web` where its pages
 * would be (github.com's place).
 */
export class GithubShapes {
  constructor(
    private readonly state: GithubState,
    /** The server's address, known once it listens: the API's links and the pages' both point at it. */
    private readonly base: () => string,
  ) {}

  private get api() {
    return this.base();
  }

  private get web() {
    return this.base();
  }

  /** The global node id of an object, the same in REST answers (`node_id`) and GraphQL ones (`id`). */
  nodeId(kind: string, id: number | string) {
    return Buffer.from(`${kind}:${id}`).toString("base64").replace(/=+$/, "");
  }

  simpleUser(login: string) {
    const u = this.state.user(login);
    const url = `${this.api}/users/${u.login}`;
    return {
      login: u.login,
      id: u.id,
      node_id: this.nodeId("U", u.id),
      avatar_url: `${this.web}/avatars/${u.id}`,
      gravatar_id: "",
      url,
      html_url: `${this.web}/${u.login}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: u.type,
      site_admin: false,
      user_view_type: "public",
    };
  }

  publicUser(user: GithubUser) {
    const repos = [...this.state.repos.values()].filter((r) => r.owner === user.login);
    const gists = [...this.state.gists.values()].filter((g) => g.owner === user.login);
    return {
      ...this.simpleUser(user.login),
      name: user.name,
      company: null,
      blog: "",
      location: null,
      email: null,
      hireable: null,
      bio: null,
      twitter_username: null,
      public_repos: repos.filter((r) => !r.private).length,
      public_gists: gists.filter((g) => g.public).length,
      followers: 0,
      following: 0,
      created_at: user.createdAt,
      updated_at: user.createdAt,
    };
  }

  /** GET /user: the token's owner sees their private counts too. */
  privateUser(user: GithubUser) {
    const repos = [...this.state.repos.values()].filter((r) => r.owner === user.login);
    const gists = [...this.state.gists.values()].filter((g) => g.owner === user.login);
    return {
      ...this.publicUser(user),
      user_view_type: "private",
      private_gists: gists.filter((g) => !g.public).length,
      total_private_repos: repos.filter((r) => r.private).length,
      owned_private_repos: repos.filter((r) => r.private).length,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: false,
    };
  }

  private repoUrls(r: GithubRepo) {
    const url = `${this.api}/repos/${r.owner}/${r.name}`;
    return {
      url,
      html_url: `${this.web}/${r.owner}/${r.name}`,
      archive_url: `${url}/{archive_format}{/ref}`,
      assignees_url: `${url}/assignees{/user}`,
      blobs_url: `${url}/git/blobs{/sha}`,
      branches_url: `${url}/branches{/branch}`,
      collaborators_url: `${url}/collaborators{/collaborator}`,
      comments_url: `${url}/comments{/number}`,
      commits_url: `${url}/commits{/sha}`,
      compare_url: `${url}/compare/{base}...{head}`,
      contents_url: `${url}/contents/{+path}`,
      contributors_url: `${url}/contributors`,
      deployments_url: `${url}/deployments`,
      downloads_url: `${url}/downloads`,
      events_url: `${url}/events`,
      forks_url: `${url}/forks`,
      git_commits_url: `${url}/git/commits{/sha}`,
      git_refs_url: `${url}/git/refs{/sha}`,
      git_tags_url: `${url}/git/tags{/sha}`,
      hooks_url: `${url}/hooks`,
      issue_comment_url: `${url}/issues/comments{/number}`,
      issue_events_url: `${url}/issues/events{/number}`,
      issues_url: `${url}/issues{/number}`,
      keys_url: `${url}/keys{/key_id}`,
      labels_url: `${url}/labels{/name}`,
      languages_url: `${url}/languages`,
      merges_url: `${url}/merges`,
      milestones_url: `${url}/milestones{/number}`,
      notifications_url: `${url}/notifications{?since,all,participating}`,
      pulls_url: `${url}/pulls{/number}`,
      releases_url: `${url}/releases{/id}`,
      stargazers_url: `${url}/stargazers`,
      statuses_url: `${url}/statuses/{sha}`,
      subscribers_url: `${url}/subscribers`,
      subscription_url: `${url}/subscription`,
      tags_url: `${url}/tags`,
      teams_url: `${url}/teams`,
      trees_url: `${url}/git/trees{/sha}`,
      clone_url: `${this.web}/${r.owner}/${r.name}.git`,
      git_url: `git://sandbox/${r.owner}/${r.name}.git`,
      ssh_url: `git@sandbox:${r.owner}/${r.name}.git`,
      svn_url: `${this.web}/${r.owner}/${r.name}`,
    };
  }

  repository(r: GithubRepo) {
    const open = this.state.issues.filter((i) => i.repoId === r.id && i.state === "open").length;
    return {
      id: r.id,
      node_id: this.nodeId("R", r.id),
      name: r.name,
      full_name: `${r.owner}/${r.name}`,
      owner: this.simpleUser(r.owner),
      private: r.private,
      visibility: r.private ? "private" : "public",
      description: r.description,
      fork: false,
      ...this.repoUrls(r),
      homepage: null,
      language: null,
      forks: 0,
      forks_count: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: 0,
      default_branch: "main",
      open_issues: open,
      open_issues_count: open,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: false,
      has_wiki: false,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      mirror_url: null,
      license: null,
      pushed_at: r.createdAt,
      created_at: r.createdAt,
      updated_at: r.createdAt,
    };
  }

  fullRepository(r: GithubRepo) {
    return { ...this.repository(r), network_count: 0, subscribers_count: 0 };
  }

  diffEntry(r: GithubRepo, sha: string, f: GithubFile) {
    const blob = `${f.filename}:${sha}`;
    return {
      sha: Buffer.from(blob).toString("hex").slice(0, 40).padEnd(40, "0"),
      filename: f.filename,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.additions + f.deletions,
      blob_url: `${this.web}/${r.owner}/${r.name}/blob/${sha}/${f.filename}`,
      raw_url: `${this.web}/${r.owner}/${r.name}/raw/${sha}/${f.filename}`,
      contents_url: `${this.api}/repos/${r.owner}/${r.name}/contents/${f.filename}?ref=${sha}`,
      ...(f.patch !== undefined ? { patch: f.patch } : {}),
    };
  }

  /** OWNER, COLLABORATOR (pushed before), CONTRIBUTOR (merged before) or NONE, as GitHub reports it. */
  private association(r: GithubRepo, login: string) {
    if (login === r.owner) return "OWNER";
    if (r.contributors.includes(login)) return "CONTRIBUTOR";
    return "NONE";
  }

  pull(r: GithubRepo, p: GithubPull) {
    const url = `${this.api}/repos/${r.owner}/${r.name}/pulls/${p.number}`;
    const issueUrl = `${this.api}/repos/${r.owner}/${r.name}/issues/${p.number}`;
    const html = `${this.web}/${r.owner}/${r.name}/pull/${p.number}`;
    const ref = (label: string, refName: string, sha: string) => ({
      label: `${label}:${refName}`,
      ref: refName,
      sha,
      user: this.simpleUser(r.owner),
      repo: this.repository(r),
    });
    const additions = p.files.reduce((n, f) => n + f.additions, 0);
    const deletions = p.files.reduce((n, f) => n + f.deletions, 0);
    return {
      url,
      id: p.id,
      node_id: this.nodeId("PR", p.id),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issueUrl,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${this.api}/repos/${r.owner}/${r.name}/pulls/comments{/number}`,
      comments_url: `${issueUrl}/comments`,
      statuses_url: `${this.api}/repos/${r.owner}/${r.name}/statuses/${p.headSha}`,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: this.simpleUser(p.author),
      body: p.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      closed_at: p.closedAt,
      merged_at: p.mergedAt,
      merge_commit_sha: p.mergeCommitSha,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: ref(r.owner, p.headRef, p.headSha),
      base: ref(r.owner, p.baseRef, p.baseSha),
      _links: {
        self: { href: url },
        html: { href: html },
        issue: { href: issueUrl },
        comments: { href: `${issueUrl}/comments` },
        review_comments: { href: `${url}/comments` },
        review_comment: { href: `${this.api}/repos/${r.owner}/${r.name}/pulls/comments{/number}` },
        commits: { href: `${url}/commits` },
        statuses: { href: `${this.api}/repos/${r.owner}/${r.name}/statuses/${p.headSha}` },
      },
      author_association: this.association(r, p.author),
      auto_merge: null,
      draft: false,
      merged: p.mergedAt !== null,
      mergeable: p.state === "open" ? true : null,
      rebaseable: p.state === "open" ? true : null,
      mergeable_state: p.state === "open" ? "clean" : "unknown",
      merged_by: p.mergedBy ? this.simpleUser(p.mergedBy) : null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: 1,
      additions,
      deletions,
      changed_files: p.files.length,
    };
  }

  /** A PR as GitHub lists them (`pull-request-simple`): the full answer without merge state, counts and size. */
  pullSimple(r: GithubRepo, p: GithubPull) {
    const {
      merged: _merged,
      mergeable: _mergeable,
      rebaseable: _rebaseable,
      mergeable_state: _mergeableState,
      merged_by: _mergedBy,
      comments: _comments,
      review_comments: _reviewComments,
      maintainer_can_modify: _maintainerCanModify,
      commits: _commits,
      additions: _additions,
      deletions: _deletions,
      changed_files: _changedFiles,
      ...simple
    } = this.pull(r, p);
    return simple;
  }

  review(r: GithubRepo, p: GithubPull, v: GithubReview) {
    const pullUrl = `${this.api}/repos/${r.owner}/${r.name}/pulls/${p.number}`;
    const html = `${this.web}/${r.owner}/${r.name}/pull/${p.number}#pullrequestreview-${v.id}`;
    return {
      id: v.id,
      node_id: this.nodeId("PRR", v.id),
      user: this.simpleUser(v.reviewer),
      body: v.body,
      state: v.state,
      html_url: html,
      pull_request_url: pullUrl,
      _links: { html: { href: html }, pull_request: { href: pullUrl } },
      submitted_at: v.submittedAt,
      commit_id: v.commitId,
      author_association: this.association(r, v.reviewer),
    };
  }

  commit(r: GithubRepo, c: GithubCommit) {
    const url = `${this.api}/repos/${r.owner}/${r.name}/commits/${c.sha}`;
    const author = this.state.user(c.author);
    const identity = {
      name: author.name ?? author.login,
      email: `${author.id}+${author.login}@users.noreply.sandbox`,
      date: c.date,
    };
    const additions = c.files.reduce((n, f) => n + f.additions, 0);
    const deletions = c.files.reduce((n, f) => n + f.deletions, 0);
    return {
      url,
      sha: c.sha,
      node_id: this.nodeId("C", c.sha),
      html_url: `${this.web}/${r.owner}/${r.name}/commit/${c.sha}`,
      comments_url: `${url}/comments`,
      commit: {
        url: `${this.api}/repos/${r.owner}/${r.name}/git/commits/${c.sha}`,
        author: identity,
        committer: identity,
        message: c.message,
        comment_count: 0,
        tree: { sha: c.sha, url: `${this.api}/repos/${r.owner}/${r.name}/git/trees/${c.sha}` },
        verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
      },
      author: this.simpleUser(c.author),
      committer: this.simpleUser(c.author),
      parents: c.parents.map((sha) => ({
        sha,
        url: `${this.api}/repos/${r.owner}/${r.name}/commits/${sha}`,
        html_url: `${this.web}/${r.owner}/${r.name}/commit/${sha}`,
      })),
      stats: { additions, deletions, total: additions + deletions },
      files: c.files.map((f) => this.diffEntry(r, c.sha, f)),
    };
  }

  issue(r: GithubRepo, i: GithubIssue) {
    const url = `${this.api}/repos/${r.owner}/${r.name}/issues/${i.number}`;
    return {
      id: i.id,
      node_id: this.nodeId("I", i.id),
      url,
      repository_url: `${this.api}/repos/${r.owner}/${r.name}`,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${this.web}/${r.owner}/${r.name}/issues/${i.number}`,
      number: i.number,
      state: i.state,
      state_reason: i.state === "closed" ? "completed" : null,
      title: i.title,
      body: i.body,
      user: this.simpleUser(i.author),
      labels: [],
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: 0,
      closed_at: i.closedAt,
      created_at: i.createdAt,
      updated_at: i.updatedAt,
      closed_by: i.closedBy ? this.simpleUser(i.closedBy) : null,
      author_association: this.association(r, i.author),
    };
  }

  /** A PR seen through the issues API, as GitHub answers GET /issues/{n} for a PR's number. */
  pullAsIssue(r: GithubRepo, p: GithubPull) {
    const html = `${this.web}/${r.owner}/${r.name}/pull/${p.number}`;
    const url = `${this.api}/repos/${r.owner}/${r.name}/pulls/${p.number}`;
    return {
      ...this.issue(r, {
        id: p.id,
        repoId: r.id,
        number: p.number,
        author: p.author,
        title: p.title,
        body: p.body,
        state: p.state,
        closedBy: p.mergedBy,
        closedAt: p.closedAt,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
      }),
      html_url: html,
      pull_request: {
        url,
        html_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        merged_at: p.mergedAt,
      },
    };
  }

  contributors(r: GithubRepo) {
    const counts = new Map<string, number>();
    for (const c of this.state.commits.values()) {
      if (c.repoId === r.id && (c.author === r.owner || r.contributors.includes(c.author))) {
        counts.set(c.author, (counts.get(c.author) ?? 0) + 1);
      }
    }
    for (const login of [r.owner, ...r.contributors]) if (!counts.has(login)) counts.set(login, 1);
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([login, contributions]) => ({ ...this.simpleUser(login), contributions }));
  }

  /** A gist as GitHub lists it (`base-gist`): its files without their content, which `GET /gists/{id}` gives. */
  baseGist(g: GithubGist) {
    const { files, forks: _forks, history: _history, ...rest } = this.gist(g);
    return {
      ...rest,
      files: Object.fromEntries(
        Object.entries(files).map(([name, f]) => [
          name,
          { filename: f.filename, type: f.type, language: f.language, raw_url: f.raw_url, size: f.size },
        ]),
      ),
    };
  }

  gist(g: GithubGist) {
    const url = `${this.api}/gists/${g.id}`;
    return {
      url,
      forks_url: `${url}/forks`,
      commits_url: `${url}/commits`,
      id: g.id,
      node_id: this.nodeId("G", g.id),
      git_pull_url: `${this.web}/gist/${g.id}.git`,
      git_push_url: `${this.web}/gist/${g.id}.git`,
      html_url: `${this.web}/gist/${g.id}`,
      files: Object.fromEntries(
        Object.entries(g.files).map(([filename, content]) => [
          filename,
          {
            filename,
            type: "text/plain",
            language: "Text",
            raw_url: `${this.web}/gist/${g.id}/raw/${filename}`,
            size: Buffer.byteLength(content),
            truncated: false,
            content,
            encoding: "utf-8",
          },
        ]),
      ),
      public: g.public,
      created_at: g.createdAt,
      updated_at: g.updatedAt,
      description: g.description,
      comments: 0,
      comments_enabled: true,
      user: null,
      comments_url: `${url}/comments`,
      owner: this.simpleUser(g.owner),
      truncated: false,
      forks: [],
      history: [],
    };
  }
}

import type { GithubShapes } from "./githubShapes.ts";
import { type GithubPull, type GithubRepo, type GithubState, HttpError } from "./githubState.ts";

export interface RestResult {
  status: number;
  body: unknown;
}

const NOT_FOUND_DOCS = "https://docs.github.com/rest";

/** GitHub's 404, which it also answers for a private repository the token cannot see (never a 403). */
export const notFound = (): RestResult => ({
  status: 404,
  body: { message: "Not Found", documentation_url: NOT_FOUND_DOCS, status: "404" },
});

type Route = [RegExp, (m: string[], login: string | undefined, query: URLSearchParams) => RestResult];

/** The REST endpoints Steward reads (GET only), answered from the state in GitHub's shapes. */
export class GithubRest {
  private readonly routes: Route[];

  constructor(
    private readonly state: GithubState,
    readonly shapes: GithubShapes,
  ) {
    const ok = (body: unknown): RestResult => ({ status: 200, body });
    this.routes = [
      [
        /^\/user$/,
        (_m, login) =>
          login
            ? ok(this.shapes.privateUser(this.state.user(login)))
            : {
                status: 401,
                body: { message: "Requires authentication", documentation_url: NOT_FOUND_DOCS, status: "401" },
              },
      ],
      [/^\/users\/([^/]+)$/, (m) => ok(this.shapes.publicUser(this.state.user(m[1] ?? "")))],
      [/^\/repos\/([^/]+)\/([^/]+)$/, (m, login) => ok(this.shapes.fullRepository(this.visible(m, login)))],
      [
        /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/,
        (m, login) => {
          const repo = this.visible(m, login);
          return ok(this.shapes.pull(repo, this.state.pull(repo, Number(m[3]))));
        },
      ],
      [
        /^\/repos\/([^/]+)\/([^/]+)\/pulls$/,
        (m, login, query) => {
          const repo = this.visible(m, login);
          return ok(this.pageOf(this.listPulls(repo, query), query).map((p) => this.shapes.pullSimple(repo, p)));
        },
      ],
      [
        /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files$/,
        (m, login) => {
          const repo = this.visible(m, login);
          const pull = this.state.pull(repo, Number(m[3]));
          return ok(pull.files.map((f) => this.shapes.diffEntry(repo, pull.headSha, f)));
        },
      ],
      [
        /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews$/,
        (m, login) => {
          const repo = this.visible(m, login);
          const pull = this.state.pull(repo, Number(m[3]));
          return ok(
            this.state.reviews.filter((v) => v.pullId === pull.id).map((v) => this.shapes.review(repo, pull, v)),
          );
        },
      ],
      [
        /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)$/,
        (m, login) => {
          const repo = this.visible(m, login);
          const ref = (m[3] ?? "").toLowerCase();
          // A full sha or an abbreviation of at least 7 characters, as git resolves it.
          const commit = [...this.state.commits.values()].find(
            (c) => c.repoId === repo.id && ref.length >= 7 && c.sha.startsWith(ref),
          );
          if (!commit) {
            return {
              status: 422,
              body: { message: `No commit found for SHA: ${m[3]}`, documentation_url: NOT_FOUND_DOCS, status: "422" },
            };
          }
          return ok(this.shapes.commit(repo, commit));
        },
      ],
      [
        /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/,
        (m, login) => {
          const repo = this.visible(m, login);
          const number = Number(m[3]);
          const pull = this.state.pulls.find((p) => p.repoId === repo.id && p.number === number);
          if (pull) return ok(this.shapes.pullAsIssue(repo, pull));
          return ok(this.shapes.issue(repo, this.state.issue(repo, number)));
        },
      ],
      [/^\/repos\/([^/]+)\/([^/]+)\/contributors$/, (m, login) => ok(this.shapes.contributors(this.visible(m, login)))],
      [
        /^\/users\/([^/]+)\/gists$/,
        (m) => {
          // GitHub lists another user's public gists only, the most recently updated first.
          const owner = this.state.user(m[1] ?? "").login;
          const gists = [...this.state.gists.values()]
            .reverse()
            .filter((g) => g.owner === owner && g.public)
            .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
          return ok(gists.map((g) => this.shapes.baseGist(g)));
        },
      ],
      [
        /^\/gists\/([^/]+)$/,
        (m) => {
          const gist = this.state.gists.get(m[1] ?? "");
          if (!gist) throw new HttpError(404, "no gist");
          return ok(this.shapes.gist(gist));
        },
      ],
    ];
  }

  /** A repository as `login` may see it: a private one is visible to its owner and contributors only. */
  private visible(m: string[], login: string | undefined) {
    const repo = this.state.repo(m[1] ?? "", m[2] ?? "");
    if (repo.private && (!login || (login !== repo.owner && !repo.contributors.includes(login)))) {
      throw new HttpError(404, "private");
    }
    return repo;
  }

  /** GitHub's "List pull requests": `state` (open, closed, all; open by default), `sort` created/updated, `direction`. */
  private listPulls(repo: GithubRepo, query: URLSearchParams): GithubPull[] {
    const state = query.get("state") ?? "open";
    const sort = query.get("sort") === "updated" ? "updatedAt" : "createdAt";
    // GitHub: "desc when sort is created or sort is not specified, otherwise asc".
    const direction = (query.get("direction") ?? (sort === "createdAt" ? "desc" : "asc")) === "asc" ? 1 : -1;
    return this.state.pulls
      .filter((p) => p.repoId === repo.id && (state === "all" || p.state === state))
      .sort((a, b) => direction * (a[sort].localeCompare(b[sort]) || a.number - b.number));
  }

  /** `per_page` (30 by default, at most 100) and `page` (from 1), as GitHub pages lists. */
  private pageOf<T>(list: T[], query: URLSearchParams): T[] {
    const perPage = Math.min(100, Math.max(1, Number(query.get("per_page") ?? 30) || 30));
    const page = Math.max(1, Number(query.get("page") ?? 1) || 1);
    return list.slice((page - 1) * perPage, page * perPage);
  }

  handle(method: string, path: string, login: string | undefined, query = new URLSearchParams()): RestResult {
    if (method !== "GET" && method !== "HEAD") return notFound();
    for (const [regex, answer] of this.routes) {
      const m = regex.exec(path);
      if (!m) continue;
      try {
        return answer(
          [...m].map((s) => decodeURIComponent(s ?? "")),
          login,
          query,
        );
      } catch (error) {
        if (error instanceof HttpError && error.status === 404) return notFound();
        throw error;
      }
    }
    return notFound();
  }
}

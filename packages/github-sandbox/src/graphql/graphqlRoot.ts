import { GraphQLError } from "graphql";
import type { GithubShapes } from "../githubShapes.ts";
import type { GithubIssue, GithubPull, GithubRepo, GithubState } from "../githubState.ts";

/** What `rateLimit` answers: the query's own cost, and the hour as it stands once the query is counted. */
export interface RateLimitInfo {
  cost: number;
  limit: number;
  nodeCount: number;
  remaining: number;
  resetAt: string;
  used: number;
}

type Args = Record<string, unknown>;

/** GitHub's NOT_FOUND, as it answers a repository, PR or issue that does not exist or the viewer cannot see. */
const notFound = (message: string) => new GraphQLError(message, { extensions: { type: "NOT_FOUND" } });

/** A connection page: `first` or `last` (queryCost made sure one is there) after or before an opaque cursor. */
function connection<T>(list: readonly T[], args: Args) {
  const cursor = (i: number) => Buffer.from(`cursor:v2:${i}`).toString("base64");
  const at = (c: unknown) => (typeof c === "string" ? Number(Buffer.from(c, "base64").toString().split(":")[2]) : NaN);
  let start = 0;
  let end = list.length;
  if (Number.isInteger(at(args.after))) start = at(args.after) + 1;
  if (Number.isInteger(at(args.before))) end = Math.min(end, at(args.before));
  if (typeof args.first === "number") end = Math.min(end, start + args.first);
  if (typeof args.last === "number") start = Math.max(start, end - args.last);
  const page = list.slice(start, Math.max(start, end));
  const edges = page.map((node, i) => ({ node, cursor: cursor(start + i) }));
  return {
    totalCount: list.length,
    nodes: page,
    edges,
    pageInfo: {
      hasNextPage: end < list.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * The root of the queries the local GitHub answers, built from its state as `login` may see it: repositories (a
 * private one for its owner and contributors only), their pull requests with reviews, changed files and the issues
 * they close, issues with their closing event, users, `viewer` and `rateLimit`. Fields with arguments are functions,
 * as graphql-js's default resolver calls them; abstract types are told by `__typename`.
 */
export function graphqlRoot(
  state: GithubState,
  shapes: GithubShapes,
  login: string,
  rateLimit: RateLimitInfo,
  base: string,
) {
  const actor = (who: string | null) => {
    if (!who) return null;
    const u = state.user(who);
    return {
      __typename: u.type,
      id: shapes.nodeId("U", u.id),
      databaseId: u.id,
      login: u.login,
      name: u.name,
      url: `${base}/${u.login}`,
      resourcePath: `/${u.login}`,
    };
  };
  const visible = (r: GithubRepo) => !r.private || login === r.owner || r.contributors.includes(login);
  const repository = (r: GithubRepo): Record<string, unknown> => ({
    __typename: "Repository",
    id: shapes.nodeId("R", r.id),
    databaseId: r.id,
    name: r.name,
    nameWithOwner: `${r.owner}/${r.name}`,
    isPrivate: r.private,
    description: r.description,
    createdAt: r.createdAt,
    url: `${base}/${r.owner}/${r.name}`,
    owner: () => actor(r.owner),
    pullRequest: ({ number }: Args) => {
      const p = state.pulls.find((x) => x.repoId === r.id && x.number === number);
      if (!p) throw notFound(`Could not resolve to a PullRequest with the number of ${number}.`);
      return pull(r, p);
    },
    issue: ({ number }: Args) => {
      const i = state.issues.find((x) => x.repoId === r.id && x.number === number);
      if (!i) throw notFound(`Could not resolve to an Issue with the number of ${number}.`);
      return issue(r, i);
    },
    issueOrPullRequest: ({ number }: Args) => {
      const p = state.pulls.find((x) => x.repoId === r.id && x.number === number);
      if (p) return pull(r, p);
      const i = state.issues.find((x) => x.repoId === r.id && x.number === number);
      if (!i) throw notFound(`Could not resolve to an issue or pull request with the number of ${number}.`);
      return issue(r, i);
    },
  });
  const pull = (r: GithubRepo, p: GithubPull) => ({
    __typename: "PullRequest",
    id: shapes.nodeId("PR", p.id),
    databaseId: p.id,
    number: p.number,
    title: p.title,
    body: p.body ?? "",
    state: p.mergedAt !== null ? "MERGED" : p.state === "closed" ? "CLOSED" : "OPEN",
    merged: p.mergedAt !== null,
    mergedAt: p.mergedAt,
    closed: p.state === "closed",
    closedAt: p.closedAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    url: `${base}/${r.owner}/${r.name}/pull/${p.number}`,
    author: () => actor(p.author),
    mergedBy: () => actor(p.mergedBy),
    baseRepository: () => repository(r),
    repository: () => repository(r),
    additions: p.files.reduce((n, f) => n + f.additions, 0),
    deletions: p.files.reduce((n, f) => n + f.deletions, 0),
    changedFiles: p.files.length,
    files: (args: Args) =>
      connection(
        p.files.map((f) => ({
          __typename: "PullRequestChangedFile",
          path: f.filename,
          additions: f.additions,
          deletions: f.deletions,
          changeType: { added: "ADDED", removed: "DELETED", modified: "MODIFIED", renamed: "RENAMED" }[f.status],
        })),
        args,
      ),
    reviews: (args: Args) => {
      const states = Array.isArray(args.states) ? (args.states as string[]) : undefined;
      const list = state.reviews
        .filter((v) => v.pullId === p.id && (!states || states.includes(v.state)))
        .map((v) => ({
          __typename: "PullRequestReview",
          id: shapes.nodeId("PRR", v.id),
          databaseId: v.id,
          state: v.state,
          body: v.body,
          submittedAt: v.submittedAt,
          author: () => actor(v.reviewer),
        }));
      return connection(list, args);
    },
    closingIssuesReferences: (args: Args) =>
      connection(
        p.closes.flatMap((n) => {
          const i = state.issues.find((x) => x.repoId === r.id && x.number === n);
          return i ? [issue(r, i)] : [];
        }),
        args,
      ),
  });
  const issue = (r: GithubRepo, i: GithubIssue) => ({
    __typename: "Issue",
    id: shapes.nodeId("I", i.id),
    databaseId: i.id,
    number: i.number,
    title: i.title,
    body: i.body ?? "",
    state: i.state === "closed" ? "CLOSED" : "OPEN",
    stateReason: i.state === "closed" ? "COMPLETED" : null,
    closed: i.state === "closed",
    closedAt: i.closedAt,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    url: `${base}/${r.owner}/${r.name}/issues/${i.number}`,
    author: () => actor(i.author),
    repository: () => repository(r),
    timelineItems: (args: Args) => {
      const types = Array.isArray(args.itemTypes) ? (args.itemTypes as string[]) : undefined;
      const closed =
        i.state === "closed" && (!types || types.includes("CLOSED_EVENT"))
          ? [{ __typename: "ClosedEvent", createdAt: i.closedAt, actor: () => actor(i.closedBy) }]
          : [];
      return connection(closed, args);
    },
  });
  return {
    viewer: () => actor(login),
    user: ({ login: who }: Args) => (state.users.has(String(who).toLowerCase()) ? actor(String(who)) : null),
    repository: ({ owner, name }: Args) => {
      const r = state.repos.get(`${owner}/${name}`.toLowerCase());
      if (!r || !visible(r)) throw notFound(`Could not resolve to a Repository with the name '${owner}/${name}'.`);
      return repository(r);
    },
    rateLimit: () => rateLimit,
  };
}

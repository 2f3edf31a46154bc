import type { GithubDeps } from "./githubDeps.ts";
import { GithubReader, GraphqlUnavailable, LinkStaysClaim, SHARED_MAX_AGE_MS } from "./githubReader.ts";
import type { GithubTarget } from "./githubTarget.ts";

/** A PR or issue link: what GraphQL can read of it in one query with many others. */
export type NodeTarget = Extract<GithubTarget, { kind: "pr" | "issue" }>;

type Account = { login: string; databaseId?: number | null } | null;
export interface RepoNode {
  name: string;
  owner: { __typename: string; login: string };
}
export interface PullNode {
  id: string;
  number: number;
  title: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  merged: boolean;
  mergedAt: string | null;
  createdAt: string;
  body: string;
  author: Account;
  mergedBy: Account;
  baseRepository: RepoNode | null;
  reviews: { nodes: { state: string; author: Account }[] } | null;
}
export interface IssueNode {
  id: string;
  number: number;
  title: string;
  state: "OPEN" | "CLOSED";
  stateReason: string | null;
  author: Account;
  timelineItems: { nodes: ({ actor?: Account } | null)[] };
}
/** What GraphQL said of a link: its repository and the PR or issue. */
export type LinkNode =
  | { kind: "pr"; repo: RepoNode; pull: PullNode }
  | { kind: "issue"; repo: RepoNode; issue: IssueNode };

const FRAGMENTS = {
  pr: `fragment StewardPull on PullRequest {
  id number title state merged mergedAt createdAt body
  author { login ... on User { databaseId } ... on Bot { databaseId } }
  mergedBy { login }
  baseRepository { name owner { __typename login } }
  reviews(first: 100) { nodes { state author { login } } }
}`,
  issue: `fragment StewardIssue on Issue {
  id number title state stateReason
  author { login ... on User { databaseId } ... on Bot { databaseId } }
  timelineItems(itemTypes: [CLOSED_EVENT], last: 1) { nodes { ... on ClosedEvent { actor { login } } } }
}`,
};

/** Links asked in one query at most: 50 PRs ask 5,050 nodes, one point of GraphQL's hour. */
const MAX_BATCH = 50;
/** How long a link waits for others to be asked with it: evaluations that run at once share a query. */
const WINDOW_MS = 10;
/** After GraphQL could not answer, links are read by REST alone for this long. */
const DOWN_FOR_MS = 300_000;

interface Waiting {
  target: NodeTarget;
  signal: AbortSignal;
  deadline: number;
  resolve(node: LinkNode | undefined): void;
  reject(error: LinkStaysClaim): void;
}
interface Queue {
  waiting: Waiting[];
  timer?: NodeJS.Timeout | undefined;
  downUntil: number;
  /** Asked ahead for links about to be read (`askAhead`), by link key: used for SHARED_MAX_AGE_MS. */
  ahead: Map<string, { node: Promise<LinkNode | undefined>; at: number }>;
}
const queues = new WeakMap<GithubDeps, Queue>();

/**
 * What GitHub's GraphQL API says of a PR or issue link, asked in one query with the links every evaluation of this
 * process asks within WINDOW_MS (a contribution's links, and those of the evaluations running beside it): one
 * request for up to MAX_BATCH links, where REST takes one or two each. Undefined when GraphQL cannot tell (no token,
 * an API without it, an issue link that is a PR): the caller reads the link by REST. Throws `LinkStaysClaim` as a REST
 * read would (not found or private, limited past the deadline, timed out).
 */
export function readLinkNode(
  deps: GithubDeps,
  target: NodeTarget,
  signal: AbortSignal,
  deadline: number,
  now: () => number = Date.now,
): Promise<LinkNode | undefined> {
  const queue = queueOf(deps);
  if (!deps.token || queue.downUntil > now()) return Promise.resolve(undefined);
  if (signal.aborted) return Promise.reject(new LinkStaysClaim("timeout"));
  const q = queue;
  return new Promise((resolve, reject) => {
    q.waiting.push({ target, signal, deadline, resolve, reject });
    if (q.waiting.length >= MAX_BATCH) ask(deps, q, now);
    else q.timer ??= setTimeout(() => ask(deps, q, now), WINDOW_MS);
  });
}

function queueOf(deps: GithubDeps): Queue {
  let queue = queues.get(deps);
  if (!queue) {
    queue = { waiting: [], downUntil: 0, ahead: new Map() };
    queues.set(deps, queue);
  }
  return queue;
}

/**
 * Asks ahead, in as few queries as they fit, for the links a batch of evaluations is about to read (the evaluate
 * job's claimed contributions): each evaluation then finds its links' answers there (`askedAhead`), fresh for
 * SHARED_MAX_AGE_MS (GitHub's max-age), instead of a query of its own.
 */
export function askAhead(
  deps: GithubDeps,
  targets: NodeTarget[],
  signal: AbortSignal,
  deadline: number,
  now = Date.now,
) {
  const queue = queueOf(deps);
  for (const [key, a] of queue.ahead) if (now() - a.at >= SHARED_MAX_AGE_MS) queue.ahead.delete(key);
  const at = now();
  for (const t of targets) {
    const node = readLinkNode(deps, t, signal, deadline, now);
    // Whoever reads the link awaits it; until then a rejection is nobody's to report.
    node.catch(() => {});
    queue.ahead.set(t.key, { node, at });
  }
}

/** The answer asked ahead for this link, while fresh. */
export function askedAhead(deps: GithubDeps, key: string, now = Date.now): Promise<LinkNode | undefined> | undefined {
  const a = queues.get(deps)?.ahead.get(key);
  return a && now() - a.at < SHARED_MAX_AGE_MS ? a.node : undefined;
}

function ask(deps: GithubDeps, queue: Queue, now: () => number) {
  clearTimeout(queue.timer);
  queue.timer = undefined;
  const batch = queue.waiting.splice(0, MAX_BATCH);
  if (queue.waiting.length > 0) queue.timer = setTimeout(() => ask(deps, queue, now), WINDOW_MS);
  void askBatch(deps, queue, batch, now);
}

async function askBatch(deps: GithubDeps, queue: Queue, batch: Waiting[], now: () => number) {
  // The query is abandoned only when every link waiting for it is.
  const stop = new AbortController();
  let open = batch.length;
  const leave = batch.map((w) => {
    const gone = () => {
      w.reject(new LinkStaysClaim("timeout"));
      open -= 1;
      if (open === 0) stop.abort();
    };
    if (w.signal.aborted) gone();
    else w.signal.addEventListener("abort", gone, { once: true });
    return () => w.signal.removeEventListener("abort", gone);
  });
  const { query, variables, where } = buildQuery(batch.map((w) => w.target));
  const reader = new GithubReader(deps, stop.signal, Math.max(...batch.map((w) => w.deadline)), now);
  try {
    const answer = await reader.graphql<Record<string, Record<string, unknown> | null>>(query, variables);
    const data = answer.data ?? {};
    for (const [i, w] of batch.entries()) {
      const [repoAlias, alias] = where[i] as [string, string];
      const repo = data[repoAlias];
      const node = repo?.[alias] as (PullNode | IssueNode | ({ __typename: string } & Partial<IssueNode>)) | null;
      if (!repo || !node) {
        const missing = answer.errors?.some(
          (e) => e.type === "NOT_FOUND" && e.path?.[0] === repoAlias && (e.path.length === 1 || e.path[1] === alias),
        );
        w.reject(new LinkStaysClaim(missing ? "not_found" : "unreachable"));
        continue;
      }
      const repoNode = { name: repo.name as string, owner: repo.owner as RepoNode["owner"] };
      if (w.target.kind === "pr") w.resolve({ kind: "pr", repo: repoNode, pull: node as PullNode });
      else if ("__typename" in node && node.__typename !== "Issue") w.resolve(undefined);
      else w.resolve({ kind: "issue", repo: repoNode, issue: node as IssueNode });
    }
  } catch (error) {
    if (error instanceof GraphqlUnavailable) {
      queue.downUntil = now() + DOWN_FOR_MS;
      for (const w of batch) w.resolve(undefined);
    } else if (error instanceof LinkStaysClaim && error.reason === "rate_limited") {
      // GraphQL's hour is spent past the wait; REST's is its own: read by REST meanwhile.
      queue.downUntil = now() + DOWN_FOR_MS;
      for (const w of batch) w.resolve(undefined);
    } else {
      const claim = error instanceof LinkStaysClaim ? error : new LinkStaysClaim("unreachable");
      for (const w of batch) w.reject(claim);
    }
  } finally {
    for (const off of leave) off();
  }
}

/** One query for every link: a `repository` per repository (variables, never text in the query), its PRs and issues. */
function buildQuery(targets: NodeTarget[]) {
  const repos = new Map<string, { alias: string; fields: string[] }>();
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const where: [string, string][] = [];
  const used = new Set<"pr" | "issue">();
  for (const [i, t] of targets.entries()) {
    const key = `${t.owner}/${t.repo}`.toLowerCase();
    let repo = repos.get(key);
    if (!repo) {
      repo = { alias: `r${repos.size}`, fields: [] };
      repos.set(key, repo);
      variables[`${repo.alias}o`] = t.owner;
      variables[`${repo.alias}n`] = t.repo;
      declared.push(`$${repo.alias}o: String!`, `$${repo.alias}n: String!`);
    }
    const alias = `l${i}`;
    variables[alias] = t.number;
    declared.push(`$${alias}: Int!`);
    used.add(t.kind);
    repo.fields.push(
      t.kind === "pr"
        ? `${alias}: pullRequest(number: $${alias}) { ...StewardPull }`
        : `${alias}: issueOrPullRequest(number: $${alias}) { __typename ...StewardIssue }`,
    );
    where.push([repo.alias, alias]);
  }
  const body = [...repos.values()]
    .map(
      (r) =>
        `${r.alias}: repository(owner: $${r.alias}o, name: $${r.alias}n) { name owner { __typename login } ${r.fields.join(" ")} }`,
    )
    .join("\n");
  const query = `query StewardLinkFacts(${declared.join(", ")}) {\n${body}\n}\n${[...used].map((k) => FRAGMENTS[k]).join("\n")}`;
  return { query, variables, where };
}

import { z } from "zod";
import {
  type ChangeSize,
  changeSizeSchema,
  type LinkFacts,
  type PullFacts,
  type RepoFacts,
} from "../../base/githubFacts.ts";
import { changeSize, type DiffFile } from "./changeSize.ts";
import type { GithubReader } from "./githubReader.ts";
import type { GithubTarget } from "./githubTarget.ts";
import type { IssueNode, LinkNode, NodeTarget, PullNode, RepoNode } from "./linkNodes.ts";
import { closingIssues, revertOf } from "./pullHistory.ts";

/** What one request last said, kept with its ETag so the next read can ask "changed since?" (a 304 is free). */
export type ReadParts = Record<string, { etag?: string | undefined; value: unknown }>;

type Account = { login: string; id: number; type?: string } | null;

const repoPart = z.object({ owner: z.string(), name: z.string(), ownerType: z.enum(["User", "Organization"]) });
const pullPart = z.object({
  nodeId: z.string(),
  number: z.number(),
  title: z.string(),
  state: z.enum(["open", "closed"]),
  merged: z.boolean(),
  mergedBy: z.string().nullable(),
  mergedAt: z.string().nullable(),
  author: z.string(),
  authorId: z.number(),
  createdAt: z.string(),
  closesIssues: z.array(z.number()),
  repo: repoPart,
});
const reviewsPart = z.object({ approvedBy: z.array(z.string()), changesRequestedBy: z.array(z.string()) });
const commitPart = z.object({
  sha: z.string(),
  author: z.string().nullable(),
  authorId: z.number().nullable(),
  message: z.string(),
  size: changeSizeSchema,
});
const issuePart = z.object({
  nodeId: z.string(),
  number: z.number(),
  title: z.string(),
  state: z.enum(["open", "closed"]),
  stateReason: z.string().nullable(),
  author: z.string(),
  authorId: z.number(),
  closedBy: z.string().nullable(),
});

const ownerType = (type: string | undefined): "User" | "Organization" =>
  type === "Organization" ? "Organization" : "User";
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Reads what a github.com code link is: a PR's or an issue's state, people and reviews from `nodeOf` (GraphQL, many
 * links a request) when it can tell, else by REST; a PR's files and a commit by REST, asking again only what changed
 * since `previous` (each request with the ETag of its last answer). Throws `LinkStaysClaim` when GitHub cannot say
 * (not found or private, limited, timed out).
 */
export async function readLinkFacts(
  reader: GithubReader,
  target: GithubTarget,
  previous: ReadParts,
  readAt: string,
  nodeOf: (target: NodeTarget) => Promise<LinkNode | undefined> = async () => undefined,
): Promise<{ facts: LinkFacts; parts: ReadParts }> {
  const parts: ReadParts = {};
  const part = async <T, V>(
    name: string,
    route: string,
    params: Record<string, string | number>,
    schema: z.ZodType<V>,
    derive: (data: T) => V,
  ): Promise<V> => {
    const before = previous[name];
    const kept = before ? schema.safeParse(before.value) : undefined;
    const read = await reader.get<T>(route, params, kept?.success ? before?.etag : undefined);
    if (!read.changed && kept?.success) {
      parts[name] = { etag: before?.etag, value: kept.data };
      return kept.data;
    }
    if (!read.changed) throw new Error(`GitHub answered 304 to ${route} asked without an ETag`);
    const value = derive(read.data);
    parts[name] = { etag: read.etag, value };
    return value;
  };
  /** A part read by GraphQL: kept with no ETag (GraphQL has none), asked again at the next read. */
  const keep = <V>(name: string, value: V): V => {
    parts[name] = { value };
    return value;
  };
  const { owner, repo } = target;
  const repoParams = { owner, repo };
  // The repository and its contributors are the same for each of its links: shared, reused for a minute.
  const repoKey = `${owner.toLowerCase()}/${repo.toLowerCase()}`;
  const readRepo = () =>
    reader.sharedRead(
      `repo:${repoKey}`,
      "/repos/{owner}/{repo}",
      repoParams,
      (r: { name: string; owner: Account }) => ({
        owner: r.owner?.login ?? owner,
        name: r.name,
        ownerType: ownerType(r.owner?.type),
      }),
    );
  // Only the author's own repository needs its contributors: does anyone else merge or push there?
  const repoFacts = async (r: z.infer<typeof repoPart>, author: string | null): Promise<RepoFacts> => {
    let alone = false;
    if (author && r.ownerType === "User" && same(r.owner, author)) {
      const logins = await reader.sharedRead(
        `contributors:${repoKey}`,
        "/repos/{owner}/{repo}/contributors",
        repoParams,
        (list: { login?: string }[]) => list.map((c) => c.login ?? "").filter(Boolean),
      );
      alone = logins.every((l) => same(l, author));
    }
    return { ...r, authorAloneControls: alone };
  };
  const etags = () =>
    Object.fromEntries(
      Object.entries(parts).flatMap(([name, p]) => (p.etag ? [[name, p.etag] as [string, string]] : [])),
    );
  const verified = { status: "verified" as const, key: target.key, url: target.url, readAt };

  if (target.kind === "pr") {
    const params = { ...repoParams, pull_number: target.number };
    const node = await nodeOf(target);
    const pull =
      node?.kind === "pr"
        ? keep("pull", pullOfNode(node.pull))
        : await part("pull", "/repos/{owner}/{repo}/pulls/{pull_number}", params, pullPart, (p: PullResponse) => ({
            nodeId: p.node_id,
            number: p.number,
            title: p.title,
            state: p.state === "closed" ? ("closed" as const) : ("open" as const),
            merged: Boolean(p.merged),
            mergedBy: p.merged_by?.login ?? null,
            mergedAt: p.merged_at ?? null,
            author: p.user?.login ?? "ghost",
            authorId: p.user?.id ?? 0,
            createdAt: p.created_at,
            closesIssues: closingIssues(p.body, p.base.repo.owner.login, p.base.repo.name),
            repo: {
              owner: p.base.repo.owner.login,
              name: p.base.repo.name,
              ownerType: ownerType(p.base.repo.owner.type),
            },
          }));
    const size = await part(
      "files",
      "/repos/{owner}/{repo}/pulls/{pull_number}/files",
      { ...params, per_page: 100 },
      changeSizeSchema,
      (files: DiffFile[]) => changeSize(files),
    );
    // Merged by someone else: that merge is the review, and the reviews need not be asked (a request saved).
    const mergedByOther = pull.merged && pull.mergedBy !== null && !same(pull.mergedBy, pull.author);
    const reviews =
      node?.kind === "pr"
        ? keep("reviews", reviewers(reviewsOfNode(node.pull), pull.author))
        : mergedByOther
          ? { approvedBy: [], changesRequestedBy: [], reviewsRead: false }
          : await part(
              "reviews",
              "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
              { ...params, per_page: 100 },
              reviewsPart,
              (list: { user: Account; state: string }[]) => reviewers(list, pull.author),
            );
    // Only a merged PR can have been reverted.
    const revertedBy = pull.merged
      ? await revertOf(reader, pull.repo.owner, pull.repo.name, { number: pull.number, createdAt: pull.createdAt })
      : null;
    const { repo: r, ...rest } = pull;
    const pr: PullFacts = { ...rest, size, ...reviews, revertedBy };
    return { facts: { ...verified, etags: etags(), repo: await repoFacts(r, pull.author), pr }, parts };
  }
  if (target.kind === "commit") {
    const commit = await part(
      "commit",
      "/repos/{owner}/{repo}/commits/{ref}",
      { ...repoParams, ref: target.sha },
      commitPart,
      (c: { sha: string; author: Account; commit: { message: string }; files?: DiffFile[] }) => ({
        sha: c.sha,
        author: c.author?.login ?? null,
        authorId: c.author?.id ?? null,
        message: c.commit.message,
        size: changeSize(c.files ?? []) satisfies ChangeSize,
      }),
    );
    const r = await readRepo();
    return { facts: { ...verified, etags: etags(), repo: await repoFacts(r, commit.author), commit }, parts };
  }
  const node = await nodeOf(target);
  if (node?.kind === "issue") {
    const issue = keep("issue", issueOfNode(node.issue));
    const r = repoOfNode(node.repo);
    return { facts: { ...verified, etags: etags(), repo: await repoFacts(r, issue.author), issue }, parts };
  }
  const issue = await part(
    "issue",
    "/repos/{owner}/{repo}/issues/{issue_number}",
    { ...repoParams, issue_number: target.number },
    issuePart,
    (i: IssueResponse) => ({
      nodeId: i.node_id,
      number: i.number,
      title: i.title,
      state: i.state === "closed" ? ("closed" as const) : ("open" as const),
      stateReason: i.state_reason ?? null,
      author: i.user?.login ?? "ghost",
      authorId: i.user?.id ?? 0,
      closedBy: i.closed_by?.login ?? null,
    }),
  );
  const r = await readRepo();
  return { facts: { ...verified, etags: etags(), repo: await repoFacts(r, issue.author), issue }, parts };
}

type Pull = z.infer<typeof pullPart>;

const repoOfNode = (r: RepoNode) => ({ owner: r.owner.login, name: r.name, ownerType: ownerType(r.owner.__typename) });

/** A PR as GraphQL tells it, in the shape its REST answer gives (the same facts either way). */
function pullOfNode(p: PullNode): Pull {
  const base = p.baseRepository;
  const repo = base ? repoOfNode(base) : { owner: "", name: "", ownerType: "User" as const };
  return {
    nodeId: p.id,
    number: p.number,
    title: p.title,
    state: p.state === "OPEN" ? "open" : "closed",
    merged: p.merged,
    mergedBy: p.mergedBy?.login ?? null,
    mergedAt: p.mergedAt,
    author: p.author?.login ?? "ghost",
    authorId: p.author?.databaseId ?? 0,
    createdAt: p.createdAt,
    closesIssues: closingIssues(p.body, repo.owner, repo.name),
    repo,
  };
}

const reviewsOfNode = (p: PullNode) =>
  (p.reviews?.nodes ?? []).map((r) => ({ user: r.author ? { login: r.author.login, id: 0 } : null, state: r.state }));

/** An issue as GraphQL tells it, in its REST answer's shape: who closed it is the actor of its last closing. */
function issueOfNode(i: IssueNode): z.infer<typeof issuePart> {
  return {
    nodeId: i.id,
    number: i.number,
    title: i.title,
    state: i.state === "OPEN" ? "open" : "closed",
    stateReason: i.stateReason?.toLowerCase() ?? null,
    author: i.author?.login ?? "ghost",
    authorId: i.author?.databaseId ?? 0,
    closedBy: i.timelineItems.nodes.at(-1)?.actor?.login ?? null,
  };
}

interface PullResponse {
  node_id: string;
  number: number;
  title: string;
  state: string;
  merged?: boolean;
  merged_by?: Account;
  merged_at?: string | null;
  user: Account;
  created_at: string;
  body?: string | null;
  base: { repo: { name: string; owner: { login: string; type?: string } } };
}

interface IssueResponse {
  node_id: string;
  number: number;
  title: string;
  state: string;
  state_reason?: string | null;
  user: Account;
  closed_by?: Account;
}

/** Each reviewer's last approval or change request, as GitHub counts them; comments approve nothing. */
function reviewers(list: { user: Account; state: string }[], author: string) {
  const last = new Map<string, string>();
  for (const r of list) {
    const login = r.user?.login;
    if (!login || same(login, author)) continue;
    if (r.state === "APPROVED" || r.state === "CHANGES_REQUESTED" || r.state === "DISMISSED") last.set(login, r.state);
  }
  const having = (state: string) => [...last].filter(([, s]) => s === state).map(([login]) => login);
  return { approvedBy: having("APPROVED"), changesRequestedBy: having("CHANGES_REQUESTED") };
}

import type { PullFacts } from "../../base/githubFacts.ts";
import type { GithubReader } from "./githubReader.ts";

type RevertedBy = NonNullable<PullFacts["revertedBy"]>;

interface ListedPull {
  number: number;
  created_at: string;
  merged_at: string | null;
  body: string | null;
  head: { ref: string };
}
interface Summary {
  number: number;
  createdAt: string;
  mergedAt: string | null;
  body: string;
  headRef: string;
}

const PER_PAGE = 100;
/** Pages of a repository's PRs read at most for one revert check (the newest 500). */
const MAX_PAGES = 5;
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The later PR of the repository that reverts PR `number`, as GitHub's "Revert" button writes it (body
 * `Reverts owner/repo#n`, branch `revert-n-…`): a merged one first. Read from the repository's PR list, newest first,
 * which every link of the repository shares (reused for a minute, as GitHub's cache-control allows, then asked again
 * with its ETag: a 304 costs nothing of the hour's limit).
 */
export async function revertOf(
  reader: GithubReader,
  owner: string,
  repo: string,
  pull: { number: number; createdAt: string },
): Promise<RevertedBy | null> {
  const says = new RegExp(`(^|\\s)Reverts\\s+${literal(owner)}/${literal(repo)}#${pull.number}(?!\\d)`, "i");
  const found: Summary[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const list = await listPage(reader, owner, repo, page);
    for (const p of list) {
      // A later PR has a higher number: one opened before this PR (naming the number it would get) reverts nothing.
      if (p.number > pull.number && (says.test(p.body) || p.headRef.startsWith(`revert-${pull.number}-`)))
        found.push(p);
    }
    // Newest first: a page ending before the PR was opened holds nothing later.
    const last = list.at(-1);
    if (list.length < PER_PAGE || (last && last.createdAt < pull.createdAt)) break;
  }
  const revert = found.find((p) => p.mergedAt !== null) ?? found[0];
  return revert ? { number: revert.number, merged: revert.mergedAt !== null, createdAt: revert.createdAt } : null;
}

function listPage(reader: GithubReader, owner: string, repo: string, page: number): Promise<Summary[]> {
  return reader.sharedRead(
    `pulls:${owner.toLowerCase()}/${repo.toLowerCase()}:${page}`,
    "/repos/{owner}/{repo}/pulls",
    { owner, repo, state: "all", sort: "created", direction: "desc", per_page: PER_PAGE, page },
    (list: ListedPull[]): Summary[] =>
      list.map((p) => ({
        number: p.number,
        createdAt: p.created_at,
        mergedAt: p.merged_at,
        body: p.body ?? "",
        headRef: p.head.ref,
      })),
  );
}

const CLOSING = /(?:^|[^\w/])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\s+(?:([\w.-]+)\/([\w.-]+))?#(\d+)(?!\d)/gi;

/**
 * The issues of `owner/repo` a PR's description closes with GitHub's closing keywords ("Fixes #12",
 * "closes acme/app#3"); GitHub closes them when the PR is merged into the default branch.
 */
export function closingIssues(body: string | null | undefined, owner: string, repo: string): number[] {
  const out = new Set<number>();
  for (const m of (body ?? "").matchAll(CLOSING)) {
    const [, o, r, n] = m;
    if (o && r && (o.toLowerCase() !== owner.toLowerCase() || r.toLowerCase() !== repo.toLowerCase())) continue;
    out.add(Number(n));
  }
  return [...out];
}

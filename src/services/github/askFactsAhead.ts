import { setMaxListeners } from "node:events";
import { linksInText } from "../../base/parseLink.ts";
import type { ServiceDeps } from "../deps.ts";
import { githubTarget } from "./githubTarget.ts";
import { askAhead, type NodeTarget } from "./linkNodes.ts";

/**
 * The evaluate job claimed these contributions: their PR and issue links are asked of GitHub ahead, together (one
 * GraphQL query for up to 50 links), so that each evaluation finds its answers ready. Nothing is awaited here and
 * nothing fails: a link the query could not answer is read by the evaluation itself, as before.
 */
export async function askFactsAhead(
  deps: Pick<ServiceDeps, "db" | "github">,
  contributionIds: readonly number[],
  shutdown?: AbortSignal,
) {
  const github = deps.github;
  if (!github?.token || contributionIds.length === 0) return;
  const rows = await deps.db.contribution.findMany({
    where: { id: { in: [...contributionIds] } },
    select: { links: true, description: true },
  });
  const seen = new Set<string>();
  const targets: NodeTarget[] = [];
  for (const row of rows) {
    for (const raw of [...row.links, ...linksInText(row.description)]) {
      const t = githubTarget(raw);
      if (!t || t.kind === "commit" || seen.has(t.key)) continue;
      seen.add(t.key);
      targets.push(t);
    }
  }
  const signal = AbortSignal.any([AbortSignal.timeout(github.factsTimeoutMs), ...(shutdown ? [shutdown] : [])]);
  // Every link asked ahead listens to it (50 a query): not a leak.
  setMaxListeners(0, signal);
  askAhead(github, targets, signal, Date.now() + github.factsTimeoutMs);
}

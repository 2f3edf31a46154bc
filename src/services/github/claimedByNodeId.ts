import type { LinkFacts } from "../../base/githubFacts.ts";
import { readGithubFacts } from "../../db/json/githubFacts.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../deps.ts";

/**
 * Earlier contributions of the guild whose evaluation verified the same PR (by GitHub's node id, which survives a
 * renamed repository and any spelling of the link), as the shared-link rule counts them: the PR pays once. A PR an
 * earlier evaluation refused (someone else's) was never paid and does not count.
 */
export async function claimedByNodeId(
  deps: Pick<ServiceDeps, "db">,
  contribution: { id: number; guildId: string },
  facts: readonly LinkFacts[],
): Promise<{ key: string; contributionId: number }[]> {
  const keyOf = new Map<string, string>();
  for (const f of facts) if (f.status === "verified" && f.pr && f.authorship !== "other") keyOf.set(f.pr.nodeId, f.key);
  if (keyOf.size === 0) return [];
  const earlier = await deps.db.evaluation.findMany({
    where: {
      activeFor: { not: null },
      githubFacts: { not: Prisma.DbNull },
      contribution: { guildId: contribution.guildId, id: { lt: contribution.id }, status: { not: "withdrawn" } },
    },
    select: { id: true, contributionId: true, githubFacts: true },
  });
  return earlier.flatMap((e) =>
    (readGithubFacts(e) ?? []).flatMap((f) => {
      const key = f.status === "verified" && f.pr && f.authorship !== "other" ? keyOf.get(f.pr.nodeId) : undefined;
      return key ? [{ key, contributionId: e.contributionId }] : [];
    }),
  );
}

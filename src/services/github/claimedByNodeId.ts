import type { LinkFacts } from "../../base/githubFacts.ts";
import { githubClaimKey } from "../contributions/contributionIndex.ts";
import type { ServiceDeps } from "../deps.ts";

/**
 * Earlier contributions of the guild whose active evaluation verified the same PR (by GitHub's node id, which
 * survives a renamed repository and any spelling of the link), as the shared-link rule counts them: the PR pays
 * once. One indexed read of the claims table, which each evaluation that reads GitHub keeps current. A PR an earlier
 * evaluation refused (someone else's) was never paid and claims nothing.
 */
export async function claimedByNodeId(
  deps: Pick<ServiceDeps, "db">,
  contribution: { id: number; guildId: string },
  facts: readonly LinkFacts[],
): Promise<{ key: string; contributionId: number }[]> {
  const keyOf = new Map<string, string>();
  for (const f of facts) {
    // Stryker disable next-line ConditionalExpression: only verified facts carry a pr (the facts' schema)
    if (f.status === "verified" && f.pr && f.authorship !== "other") keyOf.set(githubClaimKey(f.pr.nodeId), f.key);
  }
  // Stryker disable next-line ConditionalExpression: a key among none matches no row; the check saves the read
  if (keyOf.size === 0) return [];
  const earlier = await deps.db.contributionClaim.findMany({
    where: {
      guildId: contribution.guildId,
      key: { in: [...keyOf.keys()] },
      source: "github",
      contributionId: { lt: contribution.id },
      contribution: { status: { not: "withdrawn" } },
    },
    orderBy: [{ contributionId: "asc" }, { key: "asc" }],
    select: { key: true, contributionId: true },
  });
  return earlier.map((c) => ({ key: keyOf.get(c.key) as string, contributionId: c.contributionId }));
}

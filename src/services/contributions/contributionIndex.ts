import type { LinkFacts } from "../../base/githubFacts.ts";
import { distinctLinks, linksInText } from "../../base/parseLink.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { minHashBands } from "../../llm/minHashBands.ts";

/**
 * Raised when the text's bands or the claims' keys change meaning: rows of an older version are indexed again.
 * 2: Chinese text cut into words by Intl.Segmenter and accented words whole and unaccented (English bands unchanged).
 */
export const CONTRIBUTION_INDEX_VERSION = 2;

/** What a contribution's index holds: its text's LSH bands and the keys of the links it claims. */
export interface ContributionIndex {
  bands: number[];
  linkKeys: string[];
}

/** The index of a contribution's text (`title\ndescription`, as the evaluator compares it) and links. */
export function contributionIndex(c: {
  title: string;
  description: string;
  links: readonly string[];
}): ContributionIndex {
  return {
    bands: minHashBands(`${c.title}\n${c.description}`),
    linkKeys: distinctLinks([...c.links, ...linksInText(c.description)]).map((l) => l.key),
  };
}

/** The claim key of a pull request Steward read on GitHub: its node id survives renames and any spelling of the link. */
export const githubClaimKey = (nodeId: string) => `github:${nodeId}`;

/** The pull requests a contribution's facts verified as the author's own (or unknown): what it claims on GitHub. */
export function githubClaimKeys(facts: readonly LinkFacts[] | null | undefined): string[] {
  return [
    ...new Set(
      // Stryker disable next-line ArrayDeclaration: a string in place of the empty list has no status and claims nothing
      (facts ?? []).flatMap((f) =>
        // Stryker disable next-line ConditionalExpression: only verified facts carry a pr (the facts' schema)
        f.status === "verified" && f.pr && f.authorship !== "other" ? [githubClaimKey(f.pr.nodeId)] : [],
      ),
    ),
  ];
}

/** Replaces the contribution's GitHub claims with those of the facts just read (same transaction as the evaluation). */
export async function writeGithubClaims(
  tx: Prisma.TransactionClient,
  contribution: { id: number; guildId: string },
  facts: readonly LinkFacts[],
): Promise<void> {
  await tx.contributionClaim.deleteMany({ where: { contributionId: contribution.id, source: "github" } });
  const keys = githubClaimKeys(facts);
  // Stryker disable next-line ConditionalExpression: creating no rows writes nothing; the check saves the statement
  if (keys.length === 0) return;
  await tx.contributionClaim.createMany({
    data: keys.map((key) => ({
      guildId: contribution.guildId,
      contributionId: contribution.id,
      key,
      source: "github",
    })),
    skipDuplicates: true,
  });
}

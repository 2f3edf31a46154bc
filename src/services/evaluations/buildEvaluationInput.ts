import type { Contribution, Member } from "../../generated/prisma/client.ts";
import type { EvaluationInput } from "../../llm/evaluationTypes.ts";
import { contributionIndex } from "../contributions/contributionIndex.ts";
import type { ServiceDeps } from "../deps.ts";

/**
 * Earlier contributions compared with this one at most: those sharing the most bands first, which are the most
 * similar. A thousand copies of one template would otherwise make every evaluation read them all.
 */
export const CANDIDATE_LIMIT = 300;

/**
 * The evaluator's view of a contribution: the submission, the earlier work of the whole history that may be a
 * near-duplicate (found by the text's LSH bands), the earlier claims of its links, and the author's track record.
 */
export async function buildEvaluationInput(
  deps: Pick<ServiceDeps, "db">,
  contribution: Contribution & { author: Member },
): Promise<EvaluationInput> {
  // Its own index, from its text now (the stored one is the same unless it predates the current version). One
  // index lookup per band: PostgreSQL has no statistics of hash values, so it guesses each of 48 bands matches 0.5 %
  // of the rows and `bands && all 48` matches 21 % of them, and reads the whole table (1 s at 100,000 rows).
  const index = contributionIndex(contribution);
  const earlier =
    // Stryker disable next-line ConditionalExpression: an empty array overlaps no row's bands; the check saves the read
    index.bands.length === 0
      ? []
      : await deps.db.$queryRaw<{ id: number; title: string; description: string; authorId: string }[]>`
          SELECT m."id", m."title", m."description", m."authorId"
          FROM (SELECT DISTINCT unnest(${index.bands}::int[]) AS b) AS q
          CROSS JOIN LATERAL (SELECT "id", "title", "description", "authorId" FROM "Contribution"
            WHERE "bands" @> ARRAY[q.b] AND "guildId" = ${contribution.guildId} AND "id" < ${contribution.id}
              AND "status" <> 'withdrawn') AS m
          GROUP BY m."id", m."title", m."description", m."authorId"
          ORDER BY count(*) DESC, m."id" ASC
          LIMIT ${CANDIDATE_LIMIT}`;
  // Every earlier claim in the guild, not only the recent ones: one PR rewarded to six members is six payouts.
  const claims =
    // Stryker disable next-line ConditionalExpression: a key among none matches no row; the check saves the read
    index.linkKeys.length === 0
      ? []
      : await deps.db.contributionClaim.findMany({
          where: {
            guildId: contribution.guildId,
            key: { in: index.linkKeys },
            source: "link",
            contributionId: { lt: contribution.id },
            contribution: { status: { not: "withdrawn" } },
          },
          orderBy: [{ contributionId: "asc" }, { key: "asc" }],
          select: { key: true, contributionId: true },
        });
  // What the author submitted before, whatever became of it since: the same whichever evaluation finishes first.
  const authorTrackRecord = await deps.db.contribution.count({
    where: { authorId: contribution.authorId, id: { lt: contribution.id }, status: { not: "withdrawn" } },
  });
  return {
    title: contribution.title,
    description: contribution.description,
    category: contribution.category,
    links: contribution.links,
    hours: contribution.hours === null ? null : Number(contribution.hours),
    earlier: earlier.map((e) => ({
      id: e.id,
      text: `${e.title}\n${e.description}`,
      sameAuthor: e.authorId === contribution.authorId,
    })),
    authorTrackRecord,
    claimedElsewhere: claims.map((c) => ({ key: c.key, contributionId: c.contributionId })),
  };
}

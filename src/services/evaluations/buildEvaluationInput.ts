import { distinctLinks, linksInText } from "../../base/parseLink.ts";
import type { Contribution, Member } from "../../generated/prisma/client.ts";
import type { EvaluationInput } from "../../llm/evaluationTypes.ts";
import type { ServiceDeps } from "../deps.ts";

const EARLIER_LIMIT = 300;

/** The evaluator's view of a contribution: the submission plus earlier work (for duplicates) and track record. */
export async function buildEvaluationInput(
  deps: Pick<ServiceDeps, "db">,
  contribution: Contribution & { author: Member },
): Promise<EvaluationInput> {
  const earlier = await deps.db.contribution.findMany({
    where: { guildId: contribution.guildId, id: { lt: contribution.id }, status: { not: "withdrawn" } },
    orderBy: { id: "desc" },
    take: EARLIER_LIMIT,
    select: { id: true, title: true, description: true, authorId: true },
  });
  // Every earlier claim in the guild, not only the recent ones: one PR rewarded to six members is six payouts.
  const keys = new Set(
    distinctLinks([...contribution.links, ...linksInText(contribution.description)]).map((l) => l.key),
  );
  const others =
    keys.size === 0
      ? []
      : await deps.db.contribution.findMany({
          where: { guildId: contribution.guildId, id: { lt: contribution.id }, status: { not: "withdrawn" } },
          select: { id: true, links: true, description: true },
        });
  const claimedElsewhere = others.flatMap((o) =>
    distinctLinks([...o.links, ...linksInText(o.description)])
      .filter((l) => keys.has(l.key))
      .map((l) => ({ key: l.key, contributionId: o.id })),
  );
  const authorTrackRecord = await deps.db.contribution.count({
    where: { authorId: contribution.authorId, id: { lt: contribution.id }, status: { in: ["evaluated", "final"] } },
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
    claimedElsewhere,
  };
}

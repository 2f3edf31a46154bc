import { readGithubFacts } from "../../db/json/githubFacts.ts";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import { CONTRIBUTION_INDEX_VERSION, contributionIndex, githubClaimKeys } from "./contributionIndex.ts";

/**
 * Indexes the contributions stored before their index existed (or under an older version of it): their text's bands,
 * their links' claims, and the pull requests their latest GitHub-reading evaluation verified. Run at start, after
 * the migrations; a batch at a time, each in one transaction, so a kill midway loses nothing and a second process
 * doing the same only repeats work. Returns how many contributions it indexed.
 */
export async function indexContributions(db: PrismaClient, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.contribution.findMany({
      where: { indexVersion: { lt: CONTRIBUTION_INDEX_VERSION } },
      // Stryker disable next-line ObjectLiteral: which rows make a batch does not matter, each batch marks its rows done
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, guildId: true, title: true, description: true, links: true },
    });
    if (rows.length === 0) return total;
    const ids = rows.map((r) => r.id);
    const evaluations = await db.evaluation.findMany({
      where: {
        // Stryker disable next-line ObjectLiteral: other contributions' evaluations would be read, never looked up
        contributionId: { in: ids },
        githubFacts: { not: Prisma.DbNull },
      },
      orderBy: { id: "asc" },
      select: { id: true, contributionId: true, githubFacts: true },
    });
    // The latest evaluation that read GitHub: what the contribution claims there now.
    const latest = new Map(evaluations.map((e) => [e.contributionId, e]));
    const indexed = rows.map((r) => ({ row: r, index: contributionIndex(r) }));
    const claims = indexed.flatMap(({ row, index }) => {
      const e = latest.get(row.id);
      return [
        ...index.linkKeys.map((key) => ({ key, source: "link" })),
        ...githubClaimKeys(e ? readGithubFacts(e) : null).map((key) => ({ key, source: "github" })),
      ].map((c) => ({ ...c, guildId: row.guildId, contributionId: row.id }));
    });
    const bands = JSON.stringify(indexed.map(({ row, index }) => ({ id: row.id, b: index.bands })));
    await db.$transaction(async (tx) => {
      await tx.contributionClaim.deleteMany({ where: { contributionId: { in: ids } } });
      // Stryker disable next-line ConditionalExpression,EqualityOperator: creating no rows writes nothing
      if (claims.length > 0) await tx.contributionClaim.createMany({ data: claims, skipDuplicates: true });
      await tx.$executeRaw`
        UPDATE "Contribution" AS c
        SET "bands" = ARRAY(SELECT jsonb_array_elements_text(v.b)::int), "indexVersion" = ${CONTRIBUTION_INDEX_VERSION}
        FROM jsonb_to_recordset(${bands}::jsonb) AS v(id int, b jsonb)
        WHERE c."id" = v.id`;
    });
    total += rows.length;
  }
}

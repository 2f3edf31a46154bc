import { type ContributionStatus, Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../openDatabase.ts";
import { CONTRIBUTION_WITH_AUTHOR, type ContributionWithAuthor, nestAuthor } from "./contributionColumns.ts";

export interface ContributionsFilter {
  guildId: string;
  status?: ContributionStatus | undefined;
  /** Only this member's contributions (by Discord id). */
  authorDiscordId?: string | undefined;
}

/**
 * One page of a guild's contributions, newest first, with their authors, and how many match in all
 * (`/contribute list`). The count rides on the rows (a window count), so a page that has rows costs one query;
 * a page past the end returns no rows and `total` null, and the caller counts.
 */
export async function contributionsPage(
  db: Db,
  filter: ContributionsFilter,
  offset: number,
  limit: number,
): Promise<{ items: ContributionWithAuthor[]; total: number | null }> {
  const rows = await db.$queryRaw<(Record<string, unknown> & { total: bigint })[]>`
    SELECT ${CONTRIBUTION_WITH_AUTHOR}, count(*) OVER () AS "total"
    FROM "Contribution" c JOIN "Member" a ON a."id" = c."authorId"
    WHERE ${where(filter)}
    ORDER BY c."id" DESC OFFSET ${offset} LIMIT ${limit}`;
  const first = rows[0];
  if (!first) return { items: [], total: null };
  return { items: rows.map(({ total: _, ...row }) => nestAuthor(row)), total: Number(first.total) };
}

/** How many of a guild's contributions match. */
export async function countContributions(db: Db, filter: ContributionsFilter): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS "total" FROM "Contribution" c JOIN "Member" a ON a."id" = c."authorId"
    WHERE ${where(filter)}`;
  return Number(row?.total ?? 0);
}

function where(f: ContributionsFilter) {
  return Prisma.join(
    [
      Prisma.sql`c."guildId" = ${f.guildId}`,
      ...(f.status ? [Prisma.sql`c."status" = CAST(${f.status} AS "ContributionStatus")`] : []),
      ...(f.authorDiscordId ? [Prisma.sql`a."discordId" = ${f.authorDiscordId}`] : []),
    ],
    " AND ",
  );
}

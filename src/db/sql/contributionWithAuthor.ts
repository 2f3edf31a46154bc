import type { Db } from "../openDatabase.ts";
import { CONTRIBUTION_WITH_AUTHOR, type ContributionWithAuthor, nestAuthor } from "./contributionColumns.ts";

/** A contribution of this guild with its author (`/contribute show`), or null. */
export async function contributionWithAuthor(
  db: Db,
  guildId: string,
  id: number,
): Promise<ContributionWithAuthor | null> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${CONTRIBUTION_WITH_AUTHOR}
    FROM "Contribution" c JOIN "Member" a ON a."id" = c."authorId"
    WHERE c."id" = ${id} AND c."guildId" = ${guildId}`;
  const row = rows[0];
  return row ? nestAuthor(row) : null;
}

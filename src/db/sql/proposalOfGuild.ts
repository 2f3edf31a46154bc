import type { Proposal } from "../../generated/prisma/client.ts";
import type { Db } from "../openDatabase.ts";
import { PROPOSAL } from "./proposalColumns.ts";

/**
 * A proposal of this guild (`/proposal show`, the ballot's reads), or null. Plain SQL for a hot read (see
 * contributionColumns.ts for why not TypedSQL).
 */
export async function proposalOfGuild(db: Db, guildId: string, id: number): Promise<Proposal | null> {
  const rows = await db.$queryRaw<Proposal[]>`
    SELECT ${PROPOSAL} FROM "Proposal" p WHERE p."id" = ${id} AND p."guildId" = ${guildId}`;
  return rows[0] ?? null;
}

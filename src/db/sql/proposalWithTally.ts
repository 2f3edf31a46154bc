import type { Proposal } from "../../generated/prisma/client.ts";
import type { Db } from "../openDatabase.ts";
import { PROPOSAL } from "./proposalColumns.ts";

export interface ProposalWithTally {
  proposal: Proposal;
  /** Its votes, when it is open and has no stored result (its tally is live); null otherwise. */
  liveVotes: { choice: unknown; weight: number; conflicted: boolean }[] | null;
  /** The moderators who approved it, in the order they did. */
  approvals: string[];
}

/**
 * A proposal with what its message shows beside it (`/proposal show`, every edit of its post), in one statement
 * where the ORM took three (issue 21 §7; see contributionColumns.ts for why plain SQL and not TypedSQL). Null when
 * there is no such proposal. PostgreSQL 15 and later.
 */
export async function proposalWithTally(db: Db, id: number): Promise<ProposalWithTally | null> {
  const rows = await db.$queryRaw<
    (Proposal & { liveVotes: ProposalWithTally["liveVotes"]; approvals: string[] | null })[]
  >`
    SELECT ${PROPOSAL},
      CASE WHEN p."status" = 'open' AND p."result" IS NULL THEN
        (SELECT COALESCE(json_agg(json_build_object('choice', v."choice", 'weight', v."weight", 'conflicted', v."conflicted") ORDER BY v."id"), '[]')
         FROM "Vote" v WHERE v."proposalId" = p."id")
      END AS "liveVotes",
      (SELECT array_agg(a."moderatorId" ORDER BY a."id") FROM "Approval" a WHERE a."proposalId" = p."id") AS "approvals"
    FROM "Proposal" p WHERE p."id" = ${id}`;
  const row = rows[0];
  if (!row) return null;
  const { liveVotes, approvals, ...proposal } = row;
  return { proposal, liveVotes, approvals: approvals ?? [] };
}

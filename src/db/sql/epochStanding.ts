import type { Db } from "../openDatabase.ts";

/** Where the guild's not-yet-paid contributions stand, and the counts `/epoch status` shows beside them. */
export interface EpochStanding {
  /** Submitted or being evaluated. */
  submitted: number;
  evaluated: number;
  /** Open appeals on their evaluations. */
  underAppeal: number;
  /** The active evaluations' suggested rewards of the evaluated ones, in the token's smallest unit. */
  suggestedTotal: bigint;
  /** Flagged active evaluations no person has reviewed yet (their ids as `activeFor`, oldest first). */
  awaitingReview: number[];
  closedEpochs: number;
  onlineNodes: number;
}

/**
 * `/epoch status` in one statement instead of seven ORM reads (issue 21 §7; see contributionColumns.ts for why
 * plain SQL and not TypedSQL). "Pending" is a contribution no epoch has paid or carried yet (epochId null).
 * Scalar subqueries and FILTER only: PostgreSQL 15 and later.
 */
export async function epochStanding(db: Db, guildId: string): Promise<EpochStanding> {
  const [row] = await db.$queryRaw<
    {
      submitted: bigint;
      evaluated: bigint;
      underAppeal: bigint;
      suggestedTotal: { toFixed(): string } | null;
      awaitingReview: number[] | null;
      closedEpochs: bigint;
      onlineNodes: bigint;
    }[]
  >`
    WITH pending AS (
      SELECT c."id", c."status" FROM "Contribution" c WHERE c."guildId" = ${guildId} AND c."epochId" IS NULL
    ), active AS (
      SELECT e."activeFor", e."suggestedReward", e."flags", e."reviewedBy"
      FROM "Evaluation" e JOIN pending c ON c."id" = e."contributionId"
      WHERE e."activeFor" IS NOT NULL AND c."status" = 'evaluated'
    )
    SELECT
      (SELECT count(*) FROM pending WHERE "status" IN ('submitted', 'evaluating')) AS "submitted",
      (SELECT count(*) FROM pending WHERE "status" = 'evaluated') AS "evaluated",
      (SELECT count(*) FROM "Appeal" a JOIN "Evaluation" e ON e."id" = a."evaluationId"
        JOIN pending c ON c."id" = e."contributionId" WHERE a."status" = 'open') AS "underAppeal",
      (SELECT sum("suggestedReward") FROM active) AS "suggestedTotal",
      (SELECT array_agg("activeFor" ORDER BY "activeFor") FROM active
        WHERE 'needs_human' = ANY("flags") AND "reviewedBy" IS NULL) AS "awaitingReview",
      (SELECT count(*) FROM "Epoch" WHERE "guildId" = ${guildId} AND "status" = 'closed') AS "closedEpochs",
      (SELECT count(*) FROM "ComputeNode" WHERE "guildId" = ${guildId} AND "status" = 'online') AS "onlineNodes"`;
  if (!row) throw new Error("epochStanding: no row");
  return {
    submitted: Number(row.submitted),
    evaluated: Number(row.evaluated),
    underAppeal: Number(row.underAppeal),
    suggestedTotal: row.suggestedTotal === null ? 0n : BigInt(row.suggestedTotal.toFixed()),
    awaitingReview: row.awaitingReview ?? [],
    closedEpochs: Number(row.closedEpochs),
    onlineNodes: Number(row.onlineNodes),
  };
}

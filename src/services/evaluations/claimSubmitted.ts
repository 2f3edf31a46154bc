import type { ServiceDeps } from "../deps.ts";
import { instanceParams, UPSERT_INSTANCE } from "../instances/processInstance.ts";

/**
 * A submitted contribution waits for its mentor's note (issue 23 §4): its author has an active mentor, it is one of
 * their first MENTOR_REVIEWS ($6) contributions, it has no note yet, and it was submitted less than
 * MENTOR_REVIEW_WAIT ago ($5 is now minus the wait), so a silent mentor delays an evaluation, never stalls it.
 */
const WAITS_FOR_MENTOR = `EXISTS (
  SELECT 1 FROM "Mentorship" m
  WHERE m."openFor" = c."authorId" AND m."status" = 'active'
    AND c."createdAt" > $5::timestamptz AT TIME ZONE 'UTC'
    AND NOT EXISTS (SELECT 1 FROM "MentorReview" r WHERE r."contributionId" = c."id")
    AND (SELECT count(*) FROM "Contribution" e WHERE e."authorId" = c."authorId" AND e."id" < c."id") < $6)`;

/**
 * Claims up to `limit` contributions for evaluation, oldest first, in one statement: `submitted` ones, and
 * `evaluating` ones whose claimer is gone (its process stopped or died: the claim was released) or that it has held
 * past the timeout (a hung worker). Rows another claimer holds are skipped, never waited on, so two workers or
 * processes never get the same contribution.
 */
export async function claimSubmitted(
  deps: Pick<ServiceDeps, "db" | "evaluation" | "instance" | "mentorship" | "now">,
  limit: number,
): Promise<number[]> {
  const now = deps.now();
  const stale = new Date(now.getTime() - deps.evaluation.claimTimeoutMs);
  await deps.db.$executeRawUnsafe(UPSERT_INSTANCE, ...instanceParams(deps.instance));
  const rows = await deps.db.$queryRawUnsafe<{ id: number }[]>(
    `UPDATE "Contribution" SET "status" = 'evaluating', "evaluationClaimedAt" = $1::timestamptz AT TIME ZONE 'UTC',
       "evaluationClaimedBy" = $2, "updatedAt" = $1::timestamptz AT TIME ZONE 'UTC'
     WHERE "id" IN (
       SELECT "id" FROM "Contribution" c
       WHERE ("status" = 'submitted' AND NOT ${WAITS_FOR_MENTOR})
          OR ("status" = 'evaluating' AND ("evaluationClaimedBy" IS NULL OR "evaluationClaimedAt" < $3::timestamptz AT TIME ZONE 'UTC'))
       ORDER BY "id" LIMIT $4 FOR UPDATE SKIP LOCKED)
     RETURNING "id"`,
    now.toISOString(),
    deps.instance.id,
    stale.toISOString(),
    limit,
    new Date(now.getTime() - deps.mentorship.reviewWaitMs).toISOString(),
    deps.mentorship.reviews,
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Gives claims back (an evaluation failed unexpectedly, or the process is stopping) so a later run takes them. */
export async function releaseClaims(deps: Pick<ServiceDeps, "db">, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await deps.db.contribution.updateMany({
    where: { id: { in: ids }, status: "evaluating" },
    data: { status: "submitted", evaluationClaimedAt: null, evaluationClaimedBy: null },
  });
}

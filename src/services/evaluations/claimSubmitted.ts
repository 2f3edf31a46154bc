import type { ServiceDeps } from "../deps.ts";

/**
 * Claims up to `limit` contributions for evaluation by moving them from `submitted` to `evaluating` with a
 * status-guarded update, one row at a time: two workers (or processes) racing for a row cannot both win, on
 * PostgreSQL. A claim older than the timeout (its worker died) is taken over the same way.
 */
export async function claimSubmitted(deps: ServiceDeps, limit: number): Promise<number[]> {
  const now = deps.now();
  const stale = new Date(now.getTime() - deps.evaluation.claimTimeoutMs);
  const candidates = await deps.db.contribution.findMany({
    where: {
      OR: [{ status: "submitted" }, { status: "evaluating", evaluationClaimedAt: { lt: stale } }],
    },
    orderBy: { id: "asc" },
    take: limit * 2,
    select: { id: true, status: true, evaluationClaimedAt: true },
  });
  const claimed: number[] = [];
  for (const c of candidates) {
    if (claimed.length >= limit) break;
    const { count } = await deps.db.contribution.updateMany({
      where: { id: c.id, status: c.status, evaluationClaimedAt: c.evaluationClaimedAt },
      data: { status: "evaluating", evaluationClaimedAt: now },
    });
    if (count === 1) claimed.push(c.id);
  }
  return claimed;
}

/** Gives a claim back (the evaluation failed unexpectedly) so a later run retries it. */
export async function releaseClaim(deps: ServiceDeps, id: number): Promise<void> {
  await deps.db.contribution.updateMany({
    where: { id, status: "evaluating" },
    data: { status: "submitted", evaluationClaimedAt: null },
  });
}

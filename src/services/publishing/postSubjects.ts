import type { ServiceDeps } from "../deps.ts";

/**
 * What the publisher reads to render a post, by id: the reads stay in the services layer, the adapter only renders
 * and sends.
 */
export function contributionForPost(deps: Pick<ServiceDeps, "db">, id: number) {
  return deps.db.contribution.findUniqueOrThrow({ where: { id }, include: { author: true } });
}

export function evaluationForPost(deps: Pick<ServiceDeps, "db">, id: number) {
  return deps.db.evaluation.findUniqueOrThrow({
    where: { id },
    include: { contribution: { include: { author: true } } },
  });
}

export async function appealForPost(deps: Pick<ServiceDeps, "db">, id: number) {
  const appeal = await deps.db.appeal.findUniqueOrThrow({
    where: { id },
    include: { evaluation: true, secondEvaluation: true },
  });
  const contribution = await deps.db.contribution.findUniqueOrThrow({ where: { id: appeal.contributionId } });
  return { appeal, contribution, original: appeal.evaluation, second: appeal.secondEvaluation };
}

export function safeBatchForPost(deps: Pick<ServiceDeps, "db">, intentId: number) {
  return deps.db.payoutIntent.findUniqueOrThrow({
    where: { id: intentId },
    include: { proposal: { select: { guildId: true } } },
  });
}

/** Of these contributions, the ones never announced yet (a digest may take them). */
export async function awaitingFirstPost(deps: Pick<ServiceDeps, "db">, ids: number[]): Promise<Set<number>> {
  const rows = await deps.db.contribution.findMany({
    where: { id: { in: ids }, messageId: null, postIsDigest: false },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}

export function contributionsForDigest(deps: Pick<ServiceDeps, "db">, ids: number[]) {
  return deps.db.contribution.findMany({
    where: { id: { in: ids } },
    include: { author: true },
    orderBy: { id: "asc" },
  });
}

export function evaluationsForDigest(deps: Pick<ServiceDeps, "db">, ids: number[]) {
  return deps.db.evaluation.findMany({
    where: { id: { in: ids } },
    include: { contribution: { include: { author: true } } },
    orderBy: { id: "asc" },
  });
}

/** The contributions went out in one digest message: there is no post of their own to update later. */
export async function recordDigestMessage(
  deps: Pick<ServiceDeps, "db">,
  ids: number[],
  channelId: string,
  messageId: string,
) {
  await deps.db.contribution.updateMany({
    where: { id: { in: ids } },
    data: { channelId, messageId, postIsDigest: true },
  });
}

/** This installation's random key (made by a migration), the prefix of its Discord message nonces. */
export async function installationKey(deps: Pick<ServiceDeps, "db">): Promise<string> {
  return (await deps.db.installation.findUniqueOrThrow({ where: { id: 1 } })).key;
}

/**
 * Of these evaluations, the ones whose announcement may go now: their contribution is announced (a post or a
 * digest), or nothing waits to announce it.
 */
export async function evaluationsReady(deps: Pick<ServiceDeps, "db">, evaluationIds: number[]): Promise<Set<number>> {
  const rows = await deps.db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT e."id" FROM "Evaluation" e JOIN "Contribution" c ON c."id" = e."contributionId"
     WHERE e."id" = ANY($1::int[]) AND (c."messageId" IS NOT NULL OR c."postIsDigest"
       OR NOT EXISTS (SELECT 1 FROM "PendingPost" p WHERE p."kind" = 'contribution' AND p."subjectId" = c."id"))`,
    evaluationIds,
  );
  return new Set(rows.map((r) => r.id));
}

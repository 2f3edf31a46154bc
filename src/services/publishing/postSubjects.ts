import type { ServiceDeps } from "../deps.ts";

/**
 * What the publisher reads to render a post, by id: the reads stay in the services layer, the adapter only renders
 * and sends.
 */
export function contributionForPost(deps: ServiceDeps, id: number) {
  return deps.db.contribution.findUniqueOrThrow({ where: { id }, include: { author: true } });
}

export function evaluationForPost(deps: ServiceDeps, id: number) {
  return deps.db.evaluation.findUniqueOrThrow({
    where: { id },
    include: { contribution: { include: { author: true } } },
  });
}

export async function appealForPost(deps: ServiceDeps, id: number) {
  const appeal = await deps.db.appeal.findUniqueOrThrow({
    where: { id },
    include: { evaluation: true, secondEvaluation: true },
  });
  const contribution = await deps.db.contribution.findUniqueOrThrow({ where: { id: appeal.contributionId } });
  return { appeal, contribution, original: appeal.evaluation, second: appeal.secondEvaluation };
}

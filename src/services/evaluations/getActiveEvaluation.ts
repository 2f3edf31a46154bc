import type { ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";

/** The evaluation that counts for a contribution, with the contribution. */
export async function getActiveEvaluation(deps: Pick<ServiceDeps, "db">, guildId: string, contributionId: number) {
  const contribution = await deps.db.contribution.findFirst({ where: { id: contributionId, guildId } });
  if (!contribution) throw new UserError("contribution_not_found", { id: contributionId });
  const evaluation = await deps.db.evaluation.findUnique({ where: { activeFor: contributionId } });
  if (!evaluation) throw new UserError("not_evaluated_yet", { id: contributionId, status: contribution.status });
  return { contribution, evaluation };
}

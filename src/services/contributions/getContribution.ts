import type { ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";

export async function getContribution(deps: Pick<ServiceDeps, "db">, guildId: string, id: number) {
  const contribution = await deps.db.contribution.findFirst({ where: { id, guildId }, include: { author: true } });
  if (!contribution) throw new UserError("contribution_not_found", { id });
  return contribution;
}

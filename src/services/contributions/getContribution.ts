import { contributionWithAuthor } from "../../db/sql/contributionWithAuthor.ts";
import type { ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";

export async function getContribution(deps: Pick<ServiceDeps, "db">, guildId: string, id: number) {
  // A hot read (every `/contribute show`): plain SQL, without the ORM's per-query work (issue 21 §7).
  const contribution = await contributionWithAuthor(deps.db, guildId, id);
  if (!contribution) throw new UserError("contribution_not_found", { id });
  return contribution;
}

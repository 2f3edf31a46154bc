import { proposalOfGuild } from "../../db/sql/proposalOfGuild.ts";
import type { ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";

/** A proposal of this guild, or a clear "no such proposal" (another guild's proposal does not exist here). */
export async function findProposal(deps: Pick<ServiceDeps, "db">, guildId: string, id: number) {
  // A hot read (`/proposal show`, every step of a ranking or points ballot): plain SQL (issue 21 §7).
  const proposal = await proposalOfGuild(deps.db, guildId, id);
  if (!proposal) throw new UserError("proposal_not_found", { id });
  return proposal;
}

/** A proposal that is open for votes (the ranking and points flows check before each step). */
export async function findOpenProposal(deps: Pick<ServiceDeps, "db">, guildId: string, id: number) {
  const proposal = await findProposal(deps, guildId, id);
  if (proposal.status !== "open")
    throw new UserError("vote_closed", { id, status: proposal.status, endedAt: proposal.endsAt });
  return proposal;
}

/** The member's current vote on a proposal, if any. */
export function memberVote(deps: Pick<ServiceDeps, "db">, proposalId: number, discordId: string) {
  return deps.db.vote.findFirst({ where: { proposalId, discordId } });
}

import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { ensureMember } from "../members/ensureMember.ts";
import { payoutOf } from "../proposals/payoutOf.ts";
import type { GuildMemberProfile } from "./electorate.ts";
import { type Choice, isValidChoice, type VotingType } from "./tally.ts";
import { requireEligible, voterWeight } from "./voterWeight.ts";

const EXPECTED: Record<VotingType, string> = {
  basic: "pick For, Against or Abstain",
  single_choice: "pick exactly one of the choices",
  approval: "approve any of the choices, each at most once",
  ranked_choice: "rank every choice exactly once",
  weighted: "give at least one choice a positive number of points",
  quadratic: "give at least one choice a positive number of points",
};

/**
 * Records a member's vote, replacing their previous one (the last vote counts). Refused once the vote has ended,
 * for ineligible members and for members without voting power. The voter's weight is taken now, with the
 * proposal's snapshot block for token balances; a voter whose wallet is paid by the proposal is marked conflicted.
 */
export async function castVote(
  deps: ServiceDeps,
  voter: GuildMemberProfile & { guildId: string },
  proposalId: number,
  choice: Choice,
) {
  const now = deps.now();
  const proposal = await deps.db.proposal.findFirst({ where: { id: proposalId, guildId: voter.guildId } });
  if (!proposal) throw new UserError("proposal_not_found", { id: proposalId });
  if (proposal.status !== "open" || !proposal.endsAt || proposal.endsAt <= now || !proposal.votingType) {
    throw new UserError("vote_closed", {
      id: proposalId,
      status: proposal.status === "open" ? "being closed" : proposal.status,
      endedAt: proposal.endsAt,
    });
  }
  if (!isValidChoice(proposal.votingType, choice, proposal.choices.length)) {
    throw new UserError("invalid_vote", { id: proposalId, expected: EXPECTED[proposal.votingType] });
  }
  requireEligible(deps, voter, now);
  const wallet = await deps.db.wallet.findFirst({
    where: { activeFor: { not: null }, member: { guildId: voter.guildId, discordId: voter.discordId } },
  });
  const weight = await voterWeight(deps, voter, wallet?.address ?? null, proposal.snapshotBlock);
  if (!(weight > 0)) throw new UserError("no_voting_power", { strategy: proposal.weightStrategy ?? "" });
  const conflicted = wallet !== null && payoutOf(proposal).recipients.has(wallet.address.toLowerCase());

  return runAudited(deps.db, async (tx) => {
    // Takes the proposal's row lock: a close waits for this vote, and this vote sees a close that came first.
    const stillOpen = await tx.proposal.updateMany({
      where: { id: proposalId, status: "open", endsAt: { gt: now } },
      data: { updatedAt: now },
    });
    if (stillOpen.count === 0) {
      const current = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId } });
      throw new UserError("vote_closed", {
        id: proposalId,
        status: current.status === "open" ? "being closed" : current.status,
        endedAt: current.endsAt,
      });
    }
    const member = await ensureMember(
      tx,
      { guildId: voter.guildId, discordId: voter.discordId, username: voter.username },
      now,
    );
    const previous = await tx.vote.findUnique({ where: { proposalId_memberId: { proposalId, memberId: member.id } } });
    const vote = await tx.vote.upsert({
      where: { proposalId_memberId: { proposalId, memberId: member.id } },
      create: {
        proposalId,
        memberId: member.id,
        discordId: voter.discordId,
        choice: choice as never,
        weight,
        conflicted,
        createdAt: now,
      },
      update: { choice: choice as never, weight, conflicted },
    });
    await appendAuditEvent(tx, {
      guildId: voter.guildId,
      actorId: voter.discordId,
      action: previous ? "vote.changed" : "vote.cast",
      subjectType: "proposal",
      subjectId: String(proposalId),
      payload: { choice, weight, conflicted, ...(previous ? { previousChoice: previous.choice } : {}) },
      createdAt: now,
    });
    return { vote, previous, proposal };
  });
}

import { unitsText } from "../../db/decimalUnits.ts";
import type { ServiceDeps } from "../deps.ts";
import { type ProposalResult, resultOf } from "../votes/proposalTally.ts";

/** Everything a proposal's message shows: the proposal, its tally (live or final), carries and approvals. */
export async function proposalOverview(deps: ServiceDeps, id: number) {
  const proposal = await deps.db.proposal.findUniqueOrThrow({ where: { id } });
  let result: ProposalResult | null = (proposal.result as ProposalResult | null) ?? null;
  if (!result && proposal.status === "open") {
    const votes = await deps.db.vote.findMany({
      where: { proposalId: id },
      select: { choice: true, weight: true, conflicted: true },
    });
    result = resultOf(proposal, votes);
  }
  const carries = proposal.epochId
    ? await deps.db.rewardCarry.findMany({ where: { fromEpochId: proposal.epochId } })
    : [];
  const members = await deps.db.member.findMany({ where: { id: { in: carries.map((c) => c.memberId) } } });
  const discordOf = new Map(members.map((m) => [m.id, m.discordId]));
  const approvals = await deps.db.approval.findMany({ where: { proposalId: id }, orderBy: { id: "asc" } });
  return {
    proposal,
    result,
    carried: carries.map((c) => ({ discordId: discordOf.get(c.memberId) ?? "unknown", amount: unitsText(c.amount) })),
    approvals: approvals.map((a) => a.moderatorId),
  };
}

export type ProposalOverview = Awaited<ReturnType<typeof proposalOverview>>;

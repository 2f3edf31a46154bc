import { unitsText } from "../../db/decimalUnits.ts";
import { readDistributionFacts } from "../../db/json/distributionFacts.ts";
import { readPayoutFailure } from "../../db/json/payoutFailure.ts";
import { proposalWithTally } from "../../db/sql/proposalWithTally.ts";
import type { ServiceDeps } from "../deps.ts";
import { policyProposalFacts } from "../policy/policyProposalFacts.ts";
import { publicIdentities } from "../transparency/publicIdentity.ts";
import { type ProposalResult, resultOf } from "../votes/resultOf.ts";
import { payoutOf } from "./payoutOf.ts";

/** Everything a proposal's message shows: the proposal, its tally (live or final), carries and approvals. */
export async function proposalOverview(deps: Pick<ServiceDeps, "db" | "governance" | "settlement">, id: number) {
  // A hot read (`/proposal show`, every tally edit of the post): the proposal, its live votes and its approvals in
  // one statement (issue 21 §7).
  const read = await proposalWithTally(deps.db, id);
  if (!read) throw new Error(`proposal ${id} does not exist`);
  const { proposal, liveVotes } = read;
  let result: ProposalResult | null = (proposal.result as ProposalResult | null) ?? null;
  if (!result && proposal.status === "open") result = resultOf(proposal, liveVotes ?? []);
  const carries = proposal.epochId
    ? await deps.db.rewardCarry.findMany({ where: { fromEpochId: proposal.epochId } })
    : [];
  const members = await deps.db.member.findMany({ where: { id: { in: carries.map((c) => c.memberId) } } });
  const discordOf = new Map(members.map((m) => [m.id, m.discordId]));
  const payouts = ["settling", "settled"].includes(proposal.status)
    ? await deps.db.payoutIntent.findMany({
        where: { proposalId: id },
        orderBy: { chunkIndex: "asc" },
        select: { id: true, chunkIndex: true, status: true, txHash: true, failure: true, failureReason: true },
      })
    : [];
  const chunks = payouts.map((i) => ({
    chunkIndex: i.chunkIndex,
    status: i.status,
    txHash: i.txHash,
    failure: readPayoutFailure(i),
  }));
  const anchor = proposal.epochId
    ? await deps.db.auditAnchor.findUnique({ where: { epochId: proposal.epochId } })
    : null;
  // Addresses in #governance follow the members' /privacy choices, as on the transparency page.
  const { recipients } = payoutOf(proposal);
  const shown = [...recipients, ...(proposal.budgetRecipient ? [proposal.budgetRecipient] : [])];
  const names = await publicIdentities(deps.db, proposal.guildId, { addresses: shown });
  return {
    proposal,
    /** Each payout address (lower-case key) as it may be shown in public. */
    publicAddress: Object.fromEntries(shown.map((a) => [a.toLowerCase(), names.address(a)])) as Record<string, string>,
    result,
    anchor,
    carried: carries.map((c) => ({ discordId: discordOf.get(c.memberId) ?? "unknown", amount: unitsText(c.amount) })),
    approvals: read.approvals,
    payouts: chunks,
    explorerTxUrl: deps.settlement?.explorerTxUrl,
    approvers: proposal.status === "awaiting_approval" ? await possibleApprovers(deps, proposal) : null,
    /** A policy proposal's candidate: the diff and the re-scored agreement stored when it was proposed. */
    policy: proposal.kind === "policy" ? await policyProposalFacts(deps.db, id) : null,
    /** A distribution's figures, worded in each reader's language; null for other proposals and older distributions. */
    distribution: readDistributionFacts(proposal),
  };
}

/**
 * How many moderators could approve this payout at all: holders of the moderator role who are not paid by it (no
 * wallet they ever linked is in the batch). Fewer than required means the payout can never be approved as it
 * stands, and people must be told rather than left waiting. Null when the member list is not available.
 */
async function possibleApprovers(
  deps: Pick<ServiceDeps, "db" | "governance">,
  proposal: { id: number; guildId: string; batch: unknown; approvalsRequired: number | null },
): Promise<{ possible: number; required: number; paid: number } | null> {
  const role = deps.governance.moderatorRole;
  const electorate = deps.governance.electorate;
  // A view: a recent list is good enough, and reading 5,000 members per render is not.
  const members = await (electorate.recentMembers ?? electorate.members)
    .call(electorate, proposal.guildId)
    .catch(() => null);
  if (!members || members.length === 0) return null;
  const moderators = members.filter((m) => !m.bot && m.roles.includes(role));
  const { recipients } = payoutOf(proposal);
  const wallets = await deps.db.wallet.findMany({
    where: { guildId: proposal.guildId, member: { discordId: { in: moderators.map((m) => m.discordId) } } },
    select: { address: true, member: { select: { discordId: true } } },
  });
  const paid = new Set(wallets.filter((w) => recipients.has(w.address.toLowerCase())).map((w) => w.member.discordId));
  return {
    possible: moderators.filter((m) => !paid.has(m.discordId)).length,
    required: proposal.approvalsRequired ?? 0,
    paid: paid.size,
  };
}

export type ProposalOverview = Awaited<ReturnType<typeof proposalOverview>>;

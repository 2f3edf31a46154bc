import { createHash } from "node:crypto";
import { getAddress } from "ethers";
import { type DecimalLike, unitsText } from "../../db/decimalUnits.ts";
import { readPayoutBatch } from "../../db/json/payoutBatch.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { ServiceDeps } from "../deps.ts";
import { type BatchEntry, batchHash, canonicalEntries } from "../epochs/batchHash.ts";
import { UserError } from "../errors.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { measureElectorate } from "../votes/quorumElectorate.ts";
import { BASIC_CHOICES, type VotingType } from "../votes/tally.ts";
import { findProposal } from "./findProposal.ts";
import { isPayoutKind } from "./payoutOf.ts";

export interface VotingOptions {
  votingType?: VotingType | undefined;
  /** Required for every type but basic: 2 to 10 labels. */
  choices?: string[] | undefined;
  periodMs?: number | undefined;
}

export const MAX_CHOICES = 10;
const MAX_CHOICE_LENGTH = 80;

function choicesFor(type: VotingType, given: string[] | undefined, payout: boolean): string[] {
  if (type === "basic") {
    if (given && given.length > 0) {
      throw new UserError("invalid_voting_setup", { problem: "basic_choices" });
    }
    return [...BASIC_CHOICES];
  }
  const choices = (given ?? []).map((c) => c.trim()).filter(Boolean);
  const min = type === "ranked_choice" ? 3 : 2;
  if (choices.length < min || choices.length > MAX_CHOICES) {
    throw new UserError("invalid_voting_setup", {
      problem: "choice_count",
      votingType: type,
      min,
      max: MAX_CHOICES,
      payout,
    });
  }
  if (new Set(choices.map((c) => c.toLowerCase())).size !== choices.length) {
    throw new UserError("invalid_voting_setup", { problem: "duplicate_choice" });
  }
  const long = choices.find((c) => c.length > MAX_CHOICE_LENGTH);
  if (long)
    throw new UserError("invalid_voting_setup", {
      problem: "choice_too_long",
      choice: long.slice(0, 20),
      max: MAX_CHOICE_LENGTH,
    });
  return choices;
}

/** A funding proposal's batch: its one payout to the requested recipient. */
function fundingBatch(proposal: {
  id: number;
  budgetAmount: DecimalLike | null;
  budgetRecipient: string | null;
}): BatchEntry[] {
  if (!proposal.budgetAmount || !proposal.budgetRecipient || !/^0x[0-9a-fA-F]{40}$/.test(proposal.budgetRecipient)) {
    throw new UserError("payout_needs_recipient", { id: proposal.id });
  }
  return [
    {
      recipient: getAddress(proposal.budgetRecipient.toLowerCase()),
      amount: unitsText(proposal.budgetAmount as DecimalLike),
      refs: [`proposal:${proposal.id}`],
    },
  ];
}

/**
 * draft → open. Fixes the voting terms (type, choices, period, snapshot block, quorum as an absolute weight over
 * the electorate QUORUM_OF names, counted now, with who it counts; threshold, conflict rule) and, for funding proposals, the batch and its hash. The
 * database trigger keeps all of them unchanged from here on.
 */
export async function openVoting(
  deps: Pick<ServiceDeps, "db" | "governance" | "now">,
  guildId: string,
  actorId: string,
  id: number,
  options: VotingOptions = {},
) {
  const g = deps.governance;
  const proposal = await findProposal(deps, guildId, id);
  if (proposal.status !== "draft") throw new UserError("proposal_not_draft", { id, status: proposal.status });
  const payout = isPayoutKind(proposal.kind);
  const votingType = options.votingType ?? g.votingType;
  const choices = choicesFor(votingType, options.choices, payout);
  const periodMs = options.periodMs ?? g.votingPeriodMs;
  if (periodMs < 1000 || periodMs > 90 * 86_400_000) {
    throw new UserError("invalid_voting_setup", { problem: "period_range" });
  }
  let batch = readPayoutBatch(proposal);
  if (proposal.kind === "funding" && !batch) batch = fundingBatch(proposal);

  const now = deps.now();
  const snapshotBlock = g.weight.strategy === "erc20-balance" && g.balances ? await g.balances.blockNumber() : null;
  const electorate = await measureElectorate(deps, guildId, now, snapshotBlock);
  const { eligibleWeight, eligibleVoters, quorumWeight } = electorate;
  const endsAt = new Date(now.getTime() + periodMs);

  return runAudited(deps.db, async (tx) => {
    const opened = await tx.proposal.updateMany({
      where: { id, status: "draft" },
      data: {
        status: "open",
        votingType,
        choices,
        weightStrategy: g.weight.strategy,
        snapshotBlock,
        quorumSpec: g.quorum,
        quorumWeight,
        eligibleWeight,
        eligibleVoters,
        quorumOf: electorate.quorumOf,
        quorumMembers: electorate.members,
        quorumBaseWeight: electorate.weight,
        activeSince: electorate.activeSince,
        activeMemberIds: electorate.activeIds,
        passThreshold: g.passThreshold,
        excludeConflicted: g.excludeConflicted,
        openedAt: now,
        openedBy: actorId,
        endsAt,
        ...(batch && !proposal.batch ? { batch: canonicalEntries(batch), batchHash: batchHash(batch) } : {}),
      },
    });
    if (opened.count === 0) {
      const current = await tx.proposal.findUniqueOrThrow({ where: { id } });
      throw new UserError("proposal_not_draft", { id, status: current.status });
    }
    const result = await tx.proposal.findUniqueOrThrow({ where: { id } });
    await appendAuditEvent(tx, {
      guildId,
      actorId,
      action: "proposal.opened",
      subjectType: "proposal",
      subjectId: String(id),
      payload: {
        votingType,
        choices,
        weightStrategy: g.weight.strategy,
        snapshotBlock,
        quorum: g.quorum,
        quorumWeight,
        eligibleWeight,
        eligibleVoters,
        // Who the quorum counts, fixed now: the count, and a digest of the active members' ids (kept on the proposal).
        quorumOf: electorate.quorumOf,
        quorumMembers: electorate.members,
        quorumBaseWeight: electorate.weight,
        activeSince: electorate.activeSince?.toISOString() ?? null,
        ...(electorate.quorumOf === "active"
          ? { activeMembersSha256: createHash("sha256").update(electorate.activeIds.join("\n")).digest("hex") }
          : {}),
        passThreshold: g.passThreshold,
        excludeConflicted: g.excludeConflicted,
        endsAt: endsAt.toISOString(),
        batchHash: result.batchHash,
      },
      createdAt: now,
    });
    // The proposal's message now carries the ballot.
    await enqueuePosts(tx, now, [{ guildId, kind: "proposal", subjectId: id }]);
    return result;
  });
}

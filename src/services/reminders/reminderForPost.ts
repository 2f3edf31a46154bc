import type { ServiceDeps } from "../deps.ts";
import { resultOf } from "../votes/resultOf.ts";

/** What a reminder shows, read when it is sent: the vote's turnout against its quorum, and who may still vote. */
export interface ReminderFacts {
  guildId: string;
  proposalId: number;
  title: string;
  /** Still open: a reminder whose vote closed before it could be sent is not sent. */
  open: boolean;
  endsAt: Date;
  offsetSeconds: number;
  voters: number;
  /** The binding tally's weight and the weight quorum needs, as fixed when the vote opened. */
  turnoutWeight: number;
  quorumWeight: number;
  quorumMet: boolean;
  eligibleVoters: number;
  /** Eligible members who have not voted yet (a count: nobody is pinged in public). */
  mayStillVote: number;
  /** The proposal's #governance message, to link. */
  channelId: string | null;
  messageId: string | null;
  /** The voting terms fixed when the vote opened: what the quorum means in people. */
  terms: {
    quorumSpec: string | null;
    quorumWeight: number | null;
    eligibleWeight: number | null;
    eligibleVoters: number | null;
    weightStrategy: string | null;
    quorumOf: string | null;
    quorumMembers: number | null;
    quorumBaseWeight: number | null;
    activeSince: Date | null;
  };
}

export async function reminderForPost(deps: Pick<ServiceDeps, "db">, reminderId: number): Promise<ReminderFacts> {
  const reminder = await deps.db.voteReminder.findUniqueOrThrow({
    where: { id: reminderId },
    include: { proposal: true },
  });
  const p = reminder.proposal;
  const votes = await deps.db.vote.findMany({
    where: { proposalId: p.id },
    select: { choice: true, weight: true, conflicted: true },
  });
  const result = resultOf(p, votes);
  const binding = result[result.binding];
  const eligibleVoters = p.eligibleVoters ?? 0;
  return {
    guildId: p.guildId,
    proposalId: p.id,
    title: p.title,
    open: p.status === "open",
    endsAt: p.endsAt ?? new Date(0),
    offsetSeconds: reminder.offsetSeconds,
    voters: votes.length,
    turnoutWeight: binding.scoresTotal,
    quorumWeight: p.quorumWeight ?? 0,
    quorumMet: binding.quorumMet,
    eligibleVoters,
    mayStillVote: Math.max(0, eligibleVoters - votes.length),
    channelId: p.channelId,
    messageId: p.messageId,
    terms: {
      quorumSpec: p.quorumSpec,
      quorumWeight: p.quorumWeight,
      eligibleWeight: p.eligibleWeight,
      eligibleVoters: p.eligibleVoters,
      weightStrategy: p.weightStrategy,
      quorumOf: p.quorumOf,
      quorumMembers: p.quorumMembers,
      quorumBaseWeight: p.quorumBaseWeight,
      activeSince: p.activeSince,
    },
  };
}

/** A reminder DM and the facts of its vote; `locale` is its member's Discord language, as last recorded. */
export async function reminderDmForPost(deps: Pick<ServiceDeps, "db">, dmId: number) {
  const dm = await deps.db.reminderDm.findUniqueOrThrow({ where: { id: dmId } });
  const facts = await reminderForPost(deps, dm.reminderId);
  const voted = await deps.db.vote.findUnique({
    where: { proposalId_memberId: { proposalId: facts.proposalId, memberId: dm.memberId } },
    select: { id: true },
  });
  const member = await deps.db.member.findUniqueOrThrow({ where: { id: dm.memberId } });
  return { dm, facts, voted: voted !== null, optedIn: member.notifyVotes, locale: member.locale };
}

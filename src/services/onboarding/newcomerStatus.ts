import type { VotingType } from "../../votingTypes.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { policyStatus } from "../policy/policyStatus.ts";

/** Where a member stands on the way in, and the rules they will meet: facts the `/start` guide words. */
export interface NewcomerStatus {
  walletAddress: string | null;
  contributions: number;
  /** The version of the evaluation policy in force when the members adopted it by a vote (null: the configuration's). */
  policyVersion: number | null;
  voting: { type: VotingType; periodMs: number; quorum: string; passThreshold: number; approvalsRequired: number };
}

export async function newcomerStatus(
  deps: Pick<ServiceDeps, "db" | "evaluation" | "governance">,
  actor: Actor,
): Promise<NewcomerStatus> {
  const member = await deps.db.member.findUnique({
    where: { guildId_discordId: { guildId: actor.guildId, discordId: actor.discordId } },
  });
  const wallet = member ? await deps.db.wallet.findUnique({ where: { activeFor: member.id } }) : null;
  const contributions = member
    ? await deps.db.contribution.count({ where: { authorId: member.id, status: { not: "withdrawn" } } })
    : 0;
  const policy = await policyStatus(deps, actor.guildId);
  const g = deps.governance;
  return {
    walletAddress: wallet?.address ?? null,
    contributions,
    // The configuration's policy is recorded as a version too; only one adopted by a vote was "voted on".
    policyVersion: policy.active.adoptedBy ? policy.active.version : null,
    voting: {
      type: g.votingType,
      periodMs: g.votingPeriodMs,
      quorum: g.quorum,
      passThreshold: g.passThreshold,
      approvalsRequired: g.approvalsRequired,
    },
  };
}

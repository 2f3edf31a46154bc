import type { ServiceDeps } from "../deps.ts";
import { isUserError } from "../errors.ts";
import type { QuorumOf, WeightStrategy } from "./governanceSettings.ts";
import { measureElectorate, quorumWeightOf } from "./quorumElectorate.ts";
import type { ProposalResult } from "./resultOf.ts";

/** How many closed votes the turnout check looks back on. */
export const RECENT_VOTES = 5;

/** Whether the configured quorum can be met by the people who take part, as measured now. */
export interface QuorumReach {
  spec: string;
  quorumOf: QuorumOf;
  weightStrategy: WeightStrategy;
  /** What a vote opened now would need, over how many members. */
  needed: number;
  members: number;
  /** The active members now, and what the same QUORUM would need over them. */
  active: { members: number; weight: number; needed: number };
  /** The tallies (binding weight) of the last closed votes, newest first. */
  recentTurnouts: number[];
  best: number | null;
  /** turnout: above the best of the recent votes; active: above what every active member together holds. */
  outOfReach: "turnout" | "active" | null;
}

/**
 * Compares the quorum a vote opened now would need with the best turnout of the last RECENT_VOTES closed votes,
 * and with the active electorate. Null when the member list cannot be read (the setup check reports why).
 */
export async function quorumReach(
  deps: Pick<ServiceDeps, "db" | "governance" | "now">,
  guildId: string,
): Promise<QuorumReach | null> {
  const g = deps.governance;
  let electorate: Awaited<ReturnType<typeof measureElectorate>>;
  try {
    const block = g.weight.strategy === "erc20-balance" && g.balances ? await g.balances.blockNumber() : null;
    electorate = await measureElectorate(deps, guildId, deps.now(), block, { active: true });
  } catch (error) {
    if (isUserError(error)) return null;
    throw error;
  }
  const closed = await deps.db.proposal.findMany({
    where: { guildId, closedAt: { not: null } },
    orderBy: { closedAt: "desc" },
    take: RECENT_VOTES,
    select: { result: true },
  });
  const recentTurnouts = closed.map((p) => {
    const r = p.result as unknown as ProposalResult | null;
    return r?.[r.binding]?.scoresTotal ?? 0;
  });
  const best = recentTurnouts.length > 0 ? Math.max(...recentTurnouts) : null;
  const active = electorate.active ?? { members: electorate.members, weight: electorate.weight };
  const needed = electorate.quorumWeight;
  const above = (a: number, b: number) => a > b + 1e-9;
  return {
    spec: g.quorum,
    quorumOf: g.quorumOf,
    weightStrategy: g.weight.strategy,
    needed,
    members: electorate.members,
    active: { ...active, needed: quorumWeightOf(g.quorum, active.weight) },
    recentTurnouts,
    best,
    outOfReach: best !== null && above(needed, best) ? "turnout" : above(needed, active.weight) ? "active" : null,
  };
}

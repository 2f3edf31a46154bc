import type { VotingType } from "./tally.ts";

/** A guild member as the platform reports them: who they are, their role names, when they joined. */
export interface GuildMemberProfile {
  discordId: string;
  username: string;
  roles: string[];
  joinedAt: Date | null;
  bot: boolean;
}

/** Lists a guild's members (the Discord adapter implements it; services never see discord.js). */
export interface Electorate {
  members(guildId: string): Promise<GuildMemberProfile[]>;
}

/** Reads ERC-20 balances at a block from any EVM JSON-RPC endpoint. */
export interface TokenBalances {
  blockNumber(): Promise<number>;
  /** Balance in whole tokens (Snapshot weighs token votes in whole tokens, as floats). */
  balanceAt(holder: string, block: number): Promise<number>;
}

export type WeightStrategy = "one-member-one-vote" | "role-weighted" | "erc20-balance";

export interface GovernanceSettings {
  votingPeriodMs: number;
  votingType: VotingType;
  /** "12" (absolute weight) or "20%" (of the eligible weight when the vote opens). */
  quorum: string;
  passThreshold: number;
  /** Empty: every (non-bot) guild member may vote. */
  voterRoles: string[];
  minMembershipMs: number;
  weight: { strategy: WeightStrategy; roleWeights: Record<string, number> };
  excludeConflicted: boolean;
  approvalsRequired: number;
  /** The role (name or id) whose holders approve payouts. */
  moderatorRole: string;
  /** Payout totals below this need no approval. */
  autoApproveBelow: bigint;
  /** Payout totals above this need one approval more. */
  largePayoutAbove: bigint | undefined;
  electorate: Electorate;
  balances: TokenBalances | undefined;
  /** A vote's edit of the live tally waits this long, so a burst of votes costs one edit (VOTE_TALLY_DEBOUNCE). */
  tallyEditDelayMs: number;
}

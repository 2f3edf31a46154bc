import type { VotingType } from "./tally.ts";

/**
 * A guild member as the platform reports them: who they are, the configured roles they hold (as MODERATOR_ROLE,
 * PROVIDER_ROLE, VOTER_ROLES and ROLE_WEIGHTS write them, matched by role id), when they joined.
 */
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
  /** A recent list, possibly minutes old, for views (who could approve); absent: views read `members`. */
  recentMembers?(guildId: string): Promise<GuildMemberProfile[]>;
}

/** Reads ERC-20 balances at a block from any EVM JSON-RPC endpoint. */
export interface TokenBalances {
  blockNumber(): Promise<number>;
  /** Balance in whole tokens (Snapshot weighs token votes in whole tokens, as floats). */
  balanceAt(holder: string, block: number): Promise<number>;
}

export type WeightStrategy = "one-member-one-vote" | "role-weighted" | "erc20-balance";

/** Who a percentage quorum is counted over (QUORUM_OF). */
export type QuorumOf = "active" | "voters" | "members";

/** How far back taking part makes a member active (ACTIVE_WINDOW): whole epochs, or a duration. */
export type ActiveWindow = { epochs: number } | { ms: number };

export interface GovernanceSettings {
  votingPeriodMs: number;
  votingType: VotingType;
  /** "12" (absolute weight) or "20%" (of the weight of the electorate `quorumOf` names, when the vote opens). */
  quorum: string;
  quorumOf: QuorumOf;
  activeWindow: ActiveWindow;
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

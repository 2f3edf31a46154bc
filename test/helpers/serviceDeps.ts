import type { Database } from "../../src/db/openDatabase.ts";
import { templateExplainer } from "../../src/llm/distributionExplainers.ts";
import { templateMatchExplainer } from "../../src/llm/matchExplainers.ts";
import { templateDrafter } from "../../src/llm/proposalDrafters.ts";
import { defaultRubric } from "../../src/llm/rubric.ts";
import { createMetrics } from "../../src/metrics/createMetrics.ts";
import { createHeartbeatWriter } from "../../src/services/compute/heartbeatWriter.ts";
import type { Actor, EvaluationDeps, ServiceDeps } from "../../src/services/deps.ts";
import { newProcessInstance } from "../../src/services/instances/processInstance.ts";
import type { GuildMemberProfile } from "../../src/services/votes/governanceSettings.ts";
import { createVoteWriter } from "../../src/services/votes/voteWriter.ts";
import { walletLinkOrigin } from "../../src/services/wallets/walletDeps.ts";

/** Stands in for the Discord guild's member list (the platform, not Steward's code). */
export function guildMember(
  discordId: string,
  roles: string[] = ["Member"],
  joinedAt = new Date("2026-01-01T00:00:00Z"),
): GuildMemberProfile {
  return { discordId, username: `user${discordId}`, roles, joinedAt, bot: false };
}

export function serviceDeps(
  database: Database,
  clock = { now: new Date("2026-11-26T12:00:00Z") },
  evaluation: Partial<EvaluationDeps> = {},
  members: GuildMemberProfile[] = [],
): ServiceDeps & { clock: { now: Date } } {
  return {
    db: database.prisma,
    votes: createVoteWriter(database.driver),
    heartbeats: createHeartbeatWriter(database.driver),
    metrics: createMetrics(database.prisma),
    now: () => new Date(clock.now),
    settings: { walletChallengeTtlMs: 600_000, duplicateSubmissionWindowMs: 60_000 },
    // No chain: ordinary wallets link; a test of contract wallets adds one.
    wallets: { origin: walletLinkOrigin("https://steward.example/"), chainId: 31337 },
    evaluation: {
      rubric: defaultRubric,
      samples: 1,
      concurrency: 4,
      policy: { maxPerContribution: 100n * 10n ** 18n, epochBudget: 10_000n * 10n ** 18n },
      prices: { inputPerMTok: 0.15, outputPerMTok: 0.6 },
      claimTimeoutMs: 600_000,
      appeal: { samples: 3, windowMs: 72 * 3_600_000 },
      ...evaluation,
    },
    token: { symbol: "STEW", decimals: 18 },
    proposals: { drafter: templateDrafter("STEW"), explainer: templateExplainer() },
    epochs: { budget: 10_000n * 10n ** 18n, openAppeals: "block" },
    compute: {
      explainMatches: templateMatchExplainer,
      providerRole: "Provider",
      maxNodesPerProvider: 10,
      heartbeatIntervalMs: 60_000,
      maxClockSkewMs: 120_000,
      leaseApprovalAbove: undefined,
      leaseFailoverAfterMs: 180_000,
      budget: 1_000n * 10n ** 18n,
    },
    instance: newProcessInstance("test"),
    governance: {
      votingPeriodMs: 48 * 3_600_000,
      votingType: "basic",
      quorum: "0",
      quorumOf: "active",
      activeWindow: { epochs: 3 },
      passThreshold: 0.5,
      voterRoles: [],
      minMembershipMs: 0,
      weight: { strategy: "one-member-one-vote", roleWeights: {} },
      excludeConflicted: false,
      approvalsRequired: 2,
      moderatorRole: "Moderator",
      autoApproveBelow: 0n,
      largePayoutAbove: undefined,
      electorate: { members: async () => members },
      balances: undefined,
      tallyEditDelayMs: 0,
    },
    clock,
  };
}

export const actor = (discordId: string, username = `user${discordId}`): Actor => ({
  guildId: "100000000000000001",
  discordId,
  username,
});

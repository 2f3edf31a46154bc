import { buildServiceDeps, walletDeps } from "../../src/container.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import type { Actor, EvaluationDeps, ServiceDeps } from "../../src/services/deps.ts";
import { newProcessInstance } from "../../src/services/instances/processInstance.ts";
import type { GuildMemberProfile } from "../../src/services/votes/governanceSettings.ts";
import { testConfig } from "./testConfig.ts";

/** Stands in for the Discord guild's member list (the platform, not Steward's code). */
export function guildMember(
  discordId: string,
  roles: string[] = ["Member"],
  joinedAt = new Date("2026-01-01T00:00:00Z"),
): GuildMemberProfile {
  return { discordId, username: `user${discordId}`, roles, joinedAt, bot: false };
}

/**
 * The settings the service tests run with, as environment variables: production's parsing and grouping
 * (`buildServiceDeps`) turns them into the services' dependencies, so a test sees what Steward would.
 */
export const TEST_SETTINGS: Record<string, string> = {
  WALLET_CHALLENGE_TTL: "10m",
  DUPLICATE_SUBMISSION_WINDOW: "60s",
  // No chain: ordinary wallets link (messages name chain 31337); a test of contract wallets adds one.
  PUBLIC_URL: "https://steward.example/",
  CHAIN_ID: "31337",
  EVAL_SAMPLES: "1",
  EVAL_CONCURRENCY: "4",
  MAX_REWARD_PER_CONTRIBUTION: (100n * 10n ** 18n).toString(),
  EPOCH_BUDGET: (10_000n * 10n ** 18n).toString(),
  LLM_PRICE_INPUT_PER_MTOK: "0.15",
  LLM_PRICE_OUTPUT_PER_MTOK: "0.6",
  APPEAL_WINDOW: "72h",
  TOKEN_SYMBOL: "STEW",
  TOKEN_DECIMALS: "18",
  EPOCH_OPEN_APPEALS: "block",
  PROVIDER_ROLE: "Provider",
  MAX_NODES_PER_PROVIDER: "10",
  HEARTBEAT_INTERVAL: "60s",
  MAX_CLOCK_SKEW: "120s",
  COMPUTE_BUDGET: (1_000n * 10n ** 18n).toString(),
  VOTING_PERIOD: "48h",
  VOTING_TYPE: "basic",
  QUORUM: "0",
  QUORUM_OF: "active",
  ACTIVE_WINDOW: "3 epochs",
  PASS_THRESHOLD: "0.5",
  VOTER_MIN_MEMBERSHIP: "0s",
  VOTE_WEIGHT: "one-member-one-vote",
  EXCLUDE_CONFLICTED_VOTES: "false",
  APPROVALS_REQUIRED: "2",
  MODERATOR_ROLE: "Moderator",
  AUTO_APPROVE_BELOW: "0",
  VOTE_TALLY_DEBOUNCE: "0s",
  // A test that needs reminders sets them.
  REMINDER_BEFORE: "off",
};

/** The services' dependencies as a test holds them: a test may swap a part (a chain it deployed, a setting). */
export type TestServiceDeps = { -readonly [K in keyof ServiceDeps]: ServiceDeps[K] } & { clock: { now: Date } };

export function serviceDeps(
  database: Database,
  clock = { now: new Date("2026-11-26T12:00:00Z") },
  evaluation: Partial<EvaluationDeps> = {},
  members: GuildMemberProfile[] = [],
): TestServiceDeps {
  const config = testConfig(TEST_SETTINGS);
  const deps = buildServiceDeps(config, {
    database,
    instance: newProcessInstance("test"),
    now: () => new Date(clock.now),
    electorate: { members: async () => members },
    settlement: undefined,
    wallets: walletDeps(config, undefined, null),
  });
  return { ...deps, evaluation: { ...deps.evaluation, ...evaluation }, clock };
}

export const actor = (discordId: string, username = `user${discordId}`): Actor => ({
  guildId: "100000000000000001",
  discordId,
  username,
});

import { createWalletChain } from "./chain/createWalletChain.ts";
import { erc20Balances } from "./chain/erc20Balances.ts";
import type { Config } from "./config.ts";
import { redactUrl } from "./config.ts";
import { type ChainConnection, connectSettlement } from "./connectSettlement.ts";
import { migrate } from "./db/migrate.ts";
import { type Database, type DatabaseTarget, openDatabase } from "./db/openDatabase.ts";
import type { LlmSettings } from "./llm/createChatModel.ts";
import { llmExplainer, templateExplainer } from "./llm/distributionExplainers.ts";
import { createLlmEvaluator } from "./llm/llmEvaluator.ts";
import { loadRubric } from "./llm/loadRubric.ts";
import { llmMatchExplainer, templateMatchExplainer } from "./llm/matchExplainers.ts";
import { LATEST_EVALUATE_PROMPT } from "./llm/prompts/evaluatePrompts.ts";
import { llmDrafter, templateDrafter } from "./llm/proposalDrafters.ts";
import type { Rubric } from "./llm/rubric.ts";
import { RUBRIC_EVALUATOR_VERSION } from "./llm/rubricEvaluator.ts";
import type { Logger } from "./logger.ts";
import { createMetrics } from "./metrics/createMetrics.ts";
import { processAlive } from "./processAlive.ts";
import { juryAgreements } from "./services/calibration/juryAgreements.ts";
import { createHeartbeatWriter } from "./services/compute/heartbeatWriter.ts";
import { indexContributions } from "./services/contributions/indexContributions.ts";
import type { ServiceDeps } from "./services/deps.ts";
import type { GithubDeps } from "./services/github/githubDeps.ts";
import {
  newProcessInstance,
  type ProcessInstance,
  reapDeadInstances,
  retireInstance,
  touchInstance,
} from "./services/instances/processInstance.ts";
import type { SettlementDeps } from "./services/settlement/settlementDeps.ts";
import type { Electorate } from "./services/votes/governanceSettings.ts";
import { offlineElectorate } from "./services/votes/offlineElectorate.ts";
import { createVoteWriter } from "./services/votes/voteWriter.ts";
import { type WalletDeps, walletLinkOrigin } from "./services/wallets/walletDeps.ts";

export interface Container {
  config: Config;
  logger: Logger;
  database: Database;
  services: ServiceDeps;
  /** The chain settlement pays on, when `chain` was asked for and one is configured (or Steward's own). */
  chain: ChainConnection | null;
  /** Stops the chain Steward runs (if any), releases this process's claims and closes the database. */
  close(): Promise<void>;
}

/** `role` names this process to the managed server (`pg_stat_activity`), e.g. "start" or "job verify-audit". */
export function databaseTarget(config: Config, logger: Logger, role = "steward"): DatabaseTarget {
  return config.DATABASE_URL
    ? { kind: "postgres", url: config.DATABASE_URL }
    : {
        kind: "embedded",
        dataDir: config.STEWARD_DATA_DIR,
        options: { role, log: (line) => logger.info({ component: "database" }, line) },
      };
}

/** The composition root: builds every dependency once and hands them down explicitly. */
export async function createContainer(
  config: Config,
  logger: Logger,
  options: {
    database?: Database;
    now?: () => Date;
    role?: string;
    /** The guild member list (the Discord adapter's); without it, votes cannot open (CLI jobs). */
    electorate?: Electorate;
    /** Connect settlement to its chain (see `connectSettlement`); without it, payouts stop at approved. */
    chain?: { sandbox: boolean; own: boolean };
    /** The URL this Steward is reached at (PUBLIC_URL, else its bound HTTP address): wallet link messages name it. */
    httpUrl?: string;
    /** Where code links are checked (`githubConnection`); absent: GitHub is not read. */
    github?: GithubDeps | undefined;
  } = {},
): Promise<Container> {
  const target = databaseTarget(config, logger, options.role);
  const database = options.database ?? (await openDatabase(target));
  const applied = await migrate(database.driver);
  logger.info(
    { database: target.kind === "postgres" ? redactUrl(target.url) : `embedded:${target.dataDir}`, applied },
    applied.length > 0 ? "migrations applied" : "database schema up to date",
  );
  // Contributions stored before their index existed (a data migration: the text's bands need the code that computes them).
  const indexed = await indexContributions(database.prisma);
  if (indexed > 0) logger.info({ contributions: indexed }, "contributions indexed for duplicate and claim checks");
  const instance = newProcessInstance(options.role ?? "steward");
  const chain = options.chain ? await connectSettlement(config, database.prisma, logger, options.chain) : null;
  const services = buildServiceDeps(config, {
    database,
    instance,
    now: options.now ?? (() => new Date()),
    electorate: options.electorate ?? offlineElectorate,
    settlement: chain?.settlement,
    wallets: walletDeps(config, options.httpUrl, chain),
    github: options.github,
  });
  logger.info(
    {
      evaluator: services.evaluation.llm ? "llm" : "rubric",
      model: services.evaluation.llm ? config.LLM_MODEL : undefined,
      rubricVersion: services.evaluation.rubric.version,
    },
    "evaluator configured",
  );
  // This process's presence: claims name it, and a dead process's claims are released by the next one that looks.
  const keepAlive = async () => {
    await touchInstance(database.prisma, instance);
    const gone = await reapDeadInstances(database.prisma, instance, (pid) => processAlive(pid));
    if (gone > 0) logger.info({ processes: gone }, "released the work of Steward processes that stopped or died");
  };
  await keepAlive();
  const heartbeat = setInterval(() => {
    keepAlive().catch((err: unknown) => logger.warn({ err }, "could not record that this process is alive"));
  }, 10_000);
  heartbeat.unref();
  return {
    config,
    logger,
    database,
    services,
    chain,
    async close() {
      clearInterval(heartbeat);
      await chain?.stop();
      // The chain wallet links ask: the configured one, or Steward's own local chain.
      services.wallets.chain?.destroy();
      // What this process claimed and did not finish is free for the next one at once.
      await retireInstance(database.prisma, instance).catch((err: unknown) =>
        logger.warn({ err }, "could not release this process's claims (they are released after 30 s)"),
      );
      await database.close();
    },
  };
}

/**
 * Wallet links: the URL this Steward is reached at (PUBLIC_URL, else the bound HTTP address the caller gives, else
 * HTTP_HOST:HTTP_PORT) and the chain contract wallets are asked on: the configured RPC_URL and CHAIN_ID, else
 * Steward's own local chain. Without any chain the messages name chain 1 (Ethereum): ordinary wallets link on every
 * chain, and contract wallets cannot link at all.
 */
export function walletDeps(config: Config, httpUrl: string | undefined, chain: ChainConnection | null): WalletDeps {
  const host = config.HTTP_HOST.includes(":") ? `[${config.HTTP_HOST}]` : config.HTTP_HOST;
  const origin = walletLinkOrigin(config.PUBLIC_URL ?? httpUrl ?? `http://${host}:${config.HTTP_PORT}`);
  if (chain?.local) {
    const chainId = chain.settlement.chain.chainId;
    return { origin, chainId, chain: createWalletChain(chain.rpcUrl, chainId) };
  }
  return {
    origin,
    chainId: config.CHAIN_ID ?? 1,
    chain:
      config.RPC_URL && config.CHAIN_ID !== undefined ? createWalletChain(config.RPC_URL, config.CHAIN_ID) : undefined,
  };
}

/** What a process brings to its services besides the configuration: its database, identity, clock and connections. */
export interface ServiceParts {
  database: Pick<Database, "prisma" | "driver">;
  instance: ProcessInstance;
  now: () => Date;
  /** The guild member list (the Discord adapter's); `offlineElectorate` where there is no bot. */
  electorate: Electorate;
  /** Paying on-chain, when a chain is connected (`connectSettlement`). */
  settlement: SettlementDeps | undefined;
  wallets: WalletDeps;
  /** Reading GitHub (code links' facts, `/github link`); absent: off. */
  github?: GithubDeps | undefined;
}

/**
 * Every service dependency, built once from the configuration and the process's parts, in dependency order: the
 * container calls it for Steward, and the tests' helper calls it too (overriding only what a test replaces).
 */
export function buildServiceDeps(config: Config, parts: ServiceParts): ServiceDeps {
  const rubric = loadRubric(config.RUBRIC_FILE);
  const useLlm = Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL);
  const llmSettings = (model: string): LlmSettings => ({
    apiKey: config.OPENAI_API_KEY,
    baseUrl: config.OPENAI_BASE_URL,
    model,
    timeoutMs: config.LLM_TIMEOUT,
    retries: config.LLM_RETRIES,
    retryBaseMs: 500,
  });
  const llmFor = (model: string) => createLlmEvaluator(llmSettings(model), rubric);
  const llm = useLlm ? llmFor(config.LLM_MODEL) : undefined;
  const appealLlm = useLlm && config.APPEAL_MODEL ? llmFor(config.APPEAL_MODEL) : undefined;
  return Object.freeze({
    db: parts.database.prisma,
    votes: createVoteWriter(parts.database.driver),
    heartbeats: createHeartbeatWriter(parts.database.driver),
    metrics: createMetrics(parts.database.prisma, () =>
      juryAgreements(parts.database.prisma, rubric, { latestOnly: true }),
    ),
    now: parts.now,
    settings: {
      walletChallengeTtlMs: config.WALLET_CHALLENGE_TTL,
      duplicateSubmissionWindowMs: config.DUPLICATE_SUBMISSION_WINDOW,
    },
    wallets: parts.wallets,
    github: parts.github,
    evaluation: {
      rubric,
      llm,
      // A policy adopted by a vote may name another model or weights: its evaluator is made on first use.
      llmFor: useLlm
        ? (model: string, r: Rubric, promptVersion: string) => createLlmEvaluator(llmSettings(model), r, promptVersion)
        : undefined,
      samples: config.EVAL_SAMPLES,
      concurrency: config.EVAL_CONCURRENCY,
      policy: { maxPerContribution: config.MAX_REWARD_PER_CONTRIBUTION, epochBudget: config.EPOCH_BUDGET },
      prices: { inputPerMTok: config.LLM_PRICE_INPUT_PER_MTOK, outputPerMTok: config.LLM_PRICE_OUTPUT_PER_MTOK },
      claimTimeoutMs: 10 * 60_000,
      // Without another model, the second pass takes more samples: at least 3, and more than the first pass.
      appeal: { llm: appealLlm, samples: Math.max(3, config.EVAL_SAMPLES * 2 + 1), windowMs: config.APPEAL_WINDOW },
      evaluator: useLlm
        ? {
            kind: "llm" as const,
            model: config.LLM_MODEL,
            promptVersion: LATEST_EVALUATE_PROMPT,
            appealModel: config.APPEAL_MODEL ?? null,
          }
        : { kind: "rubric" as const, model: RUBRIC_EVALUATOR_VERSION, promptVersion: "none", appealModel: null },
    },
    token: { symbol: config.TOKEN_SYMBOL, decimals: config.TOKEN_DECIMALS },
    proposals: {
      drafter: useLlm
        ? llmDrafter(llmSettings(config.LLM_MODEL), config.TOKEN_SYMBOL)
        : templateDrafter(config.TOKEN_SYMBOL),
      explainer: useLlm ? llmExplainer(llmSettings(config.LLM_MODEL)) : templateExplainer(),
    },
    epochs: { budget: config.EPOCH_BUDGET, openAppeals: config.EPOCH_OPEN_APPEALS },
    calibration: {
      percent: config.CALIBRATION_SAMPLE,
      jurorRole: config.JUROR_ROLE,
      jurorReward: config.JUROR_REWARD,
      minAgreement: config.CALIBRATION_MIN_AGREEMENT,
      policy: config.CALIBRATION_POLICY,
    },
    mentorship: {
      role: config.MENTOR_ROLE,
      shareBps: config.MENTOR_SHARE,
      reviewWaitMs: config.MENTOR_REVIEW_WAIT,
      reviews: config.MENTOR_REVIEWS,
    },
    compute: {
      explainMatches: useLlm ? llmMatchExplainer(llmSettings(config.LLM_MODEL)) : templateMatchExplainer,
      providerRole: config.PROVIDER_ROLE,
      maxNodesPerProvider: config.MAX_NODES_PER_PROVIDER,
      heartbeatIntervalMs: config.HEARTBEAT_INTERVAL,
      maxClockSkewMs: config.MAX_CLOCK_SKEW,
      leaseApprovalAbove: config.LEASE_APPROVAL_ABOVE,
      leaseFailoverAfterMs: config.LEASE_FAILOVER_AFTER ?? 3 * config.HEARTBEAT_INTERVAL,
      budget: config.COMPUTE_BUDGET,
      challenge: {
        intervalMs: config.COMPUTE_CHALLENGE_INTERVAL,
        deadlineMs: config.COMPUTE_CHALLENGE_DEADLINE,
        laneKib: config.COMPUTE_CHALLENGE_LANE_KIB,
        lanesPerGpu: config.COMPUTE_CHALLENGE_LANES_PER_GPU,
      },
      maxCapacityPerProvider: config.MAX_CAPACITY_PER_PROVIDER,
    },
    instance: parts.instance,
    settlement: parts.settlement,
    governance: {
      votingPeriodMs: config.VOTING_PERIOD,
      votingType: config.VOTING_TYPE,
      quorum: config.QUORUM,
      quorumOf: config.QUORUM_OF,
      activeWindow: config.ACTIVE_WINDOW,
      passThreshold: config.PASS_THRESHOLD,
      voterRoles: config.VOTER_ROLES,
      minMembershipMs: config.VOTER_MIN_MEMBERSHIP,
      weight: { strategy: config.VOTE_WEIGHT, roleWeights: config.ROLE_WEIGHTS },
      excludeConflicted: config.EXCLUDE_CONFLICTED_VOTES,
      approvalsRequired: config.APPROVALS_REQUIRED,
      moderatorRole: config.MODERATOR_ROLE,
      autoApproveBelow: config.AUTO_APPROVE_BELOW,
      largePayoutAbove: config.LARGE_PAYOUT_ABOVE,
      electorate: parts.electorate,
      balances:
        config.RPC_URL && config.VOTE_TOKEN_ADDRESS
          ? erc20Balances(config.RPC_URL, config.VOTE_TOKEN_ADDRESS)
          : undefined,
      tallyEditDelayMs: config.VOTE_TALLY_DEBOUNCE,
    },
    reminders: { beforeSeconds: config.REMINDER_BEFORE, epochCron: config.EPOCH_CRON },
  });
}

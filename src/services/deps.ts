import type { Token } from "../base/token.ts";
import type { Db } from "../db/openDatabase.ts";
import type { DistributionExplainer } from "../llm/distributionExplainers.ts";
import type { LlmEvaluate } from "../llm/llmEvaluator.ts";
import type { ProposalDrafter } from "../llm/proposalDrafters.ts";
import type { Rubric } from "../llm/rubric.ts";
import type { Metrics } from "../metrics/createMetrics.ts";
import type { ComputeDeps } from "./compute/computeDeps.ts";
import type { HeartbeatWriter } from "./compute/heartbeatWriter.ts";
import type { RewardPolicy } from "./evaluations/suggestReward.ts";
import type { GithubDeps } from "./github/githubDeps.ts";
import type { ProcessInstance } from "./instances/processInstance.ts";
import type { SettlementDeps } from "./settlement/settlementDeps.ts";
import type { GovernanceSettings } from "./votes/governanceSettings.ts";
import type { VoteWriter } from "./votes/voteWriter.ts";
import type { WalletDeps } from "./wallets/walletDeps.ts";

/** What every service function is given: the database and the clock, passed explicitly from the container. */
export interface ServiceDeps {
  readonly db: Db;
  readonly now: () => Date;
  readonly settings: ServiceSettings;
  /** Wallet links: who Steward is in the message to sign, the chain it pays on, and that chain for contract wallets. */
  readonly wallets: WalletDeps;
  readonly evaluation: EvaluationDeps;
  /** Reading GitHub: code links' facts and `/github link`; absent when no GitHub is configured (links stay claims). */
  readonly github?: GithubDeps | undefined;
  /** The token rewards are paid in: every amount a service writes as words or reads from a person. */
  readonly token: Token;
  readonly proposals: { drafter: ProposalDrafter; explainer: DistributionExplainer };
  /** Open appeals at close: `block` refuses to close, `carry` leaves those contributions to the next epoch. */
  readonly epochs: { budget: bigint; openAppeals: "block" | "carry" };
  /** The blind jury (CALIBRATION_SAMPLE, JUROR_ROLE, JUROR_REWARD, CALIBRATION_MIN_AGREEMENT); `percent` null: off. */
  readonly calibration: CalibrationDeps;
  /** Mentorship of newcomers (MENTOR_ROLE, MENTOR_SHARE, MENTOR_REVIEW_WAIT, MENTOR_REVIEWS). */
  readonly mentorship: MentorshipDeps;
  /** This process, as the claims it takes name it (released at once when it stops or dies). */
  readonly instance: ProcessInstance;
  /** Voting and approval rules; `electorate` is replaced by the Discord adapter once the bot is connected. */
  readonly governance: GovernanceSettings;
  /** Paying approved proposals on-chain; absent without a chain (payouts then stop at approved). */
  readonly settlement?: SettlementDeps | undefined;
  /** The compute network: providers' nodes, heartbeats, leases. */
  readonly compute: ComputeDeps;
  /** Verified heartbeats' group-commit queue and the nodes' immutable facts, one per process. */
  readonly heartbeats: HeartbeatWriter;
  /** The vote path's cache of open proposals and its group-commit queue, one per process. */
  readonly votes: VoteWriter;
  /** Prometheus counters of this process (served at /metrics). */
  readonly metrics: Metrics;
  /**
   * Reminders before a vote or an epoch closes, in seconds before its end (REMINDER_BEFORE); absent or empty: none.
   * `epochCron`: when epochs close (EPOCH_CRON); absent: no epoch reminders.
   */
  readonly reminders?: { beforeSeconds: number[]; epochCron?: string };
}

export interface EvaluationDeps {
  rubric: Rubric;
  /** Present when OPENAI_API_KEY or OPENAI_BASE_URL is set; otherwise the rubric evaluator does the job. */
  llm?: LlmEvaluate | undefined;
  /** Makes an LLM evaluator for another model or rubric (a policy adopted by a vote); absent without an LLM. */
  llmFor?: ((model: string, rubric: Rubric, promptVersion: string) => LlmEvaluate) | undefined;
  samples: number;
  concurrency: number;
  policy: RewardPolicy;
  prices: { inputPerMTok: number; outputPerMTok: number };
  /** How long an `evaluating` claim holds before another worker may retake it (a crashed process). */
  claimTimeoutMs: number;
  /** The second pass of an appeal: another model (APPEAL_MODEL) when set, else the same one with more samples. */
  appeal: { llm?: LlmEvaluate | undefined; samples: number; windowMs: number };
  /**
   * The configured evaluator, as the evaluation policy records it: `llm` with its model and prompt version, or the
   * offline `rubric` evaluator; and the appeals' model when another one is set.
   */
  evaluator: { kind: "llm" | "rubric"; model: string; promptVersion: string; appealModel: string | null };
}

export interface CalibrationDeps {
  percent: number | null;
  jurorRole: string;
  jurorReward: bigint;
  minAgreement: number;
  /** What a close does below `minAgreement`: hold the disagreeing sampled evaluations, or pay the jury's score. */
  policy: "hold" | "jury";
}

export interface MentorshipDeps {
  role: string;
  /** The mentor's share of the newcomer's first paid reward, in basis points; 0: none. */
  shareBps: number;
  reviewWaitMs: number;
  /** How many of a newcomer's first contributions wait for their mentor's review. */
  reviews: number;
}

export interface ServiceSettings {
  walletChallengeTtlMs: number;
  duplicateSubmissionWindowMs: number;
}

/** Who is acting: a Discord user in a guild, or a scheduled job. */
export interface Actor {
  guildId: string;
  discordId: string;
  username: string;
}

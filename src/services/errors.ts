import type { ChainRefusalFact } from "../base/chainRefusal.ts";
import type { Token } from "../base/token.ts";
import type { VotingType } from "../votingTypes.ts";
import type { NearOffer, OfferMiss } from "./compute/offerMiss.ts";
import type { SiweProblem } from "./wallets/parseSiweMessage.ts";

/** Why a member may not vote, as a fact the view words: a bot, none of the voter roles, or too new a member. */
export type Ineligibility =
  | { kind: "bot" }
  | { kind: "roles"; roles: string[] }
  | { kind: "too_new"; after: string; from: string };

/**
 * Expected failures a person can act on. The Discord adapter turns each code into a message from its catalog;
 * the context carries the values the message needs and is safe to show (never secrets, never raw exceptions).
 */
export type UserErrorContext = {
  field_empty: { field: string };
  field_no_words: { field: string };
  invalid_text: { field: string; problem: "nul" | "surrogate" };
  field_too_long: { field: string; max: number; length: number };
  too_many_links: { max: number; count: number };
  invalid_link: { link: string };
  invalid_hours: { hours: number; max: number };
  duplicate_submission: { contributionId: number; windowSeconds: number };
  contribution_not_found: { id: number };
  not_evaluated_yet: { id: number; status: string };
  invalid_score: { score: number };
  invalid_reward: { input: string; decimals: number };
  reward_above_cap: { max: string };
  field_empty_reason: Record<string, never>;
  not_author_appeal: { id: number };
  appeal_window_closed: { closedAt: Date };
  appeal_exists: { id: number; status: string };
  appeal_not_found: { id: number };
  appeal_resolved: { id: number; status: string };
  appeal_second_pass_pending: { id: number };
  proposal_draft_not_found: { id: number };
  proposal_draft_closed: { id: number; state: "submitted" | "cancelled" };
  invalid_budget: { input: string; problem: "format" | "decimals" | "zero" | "too_large"; decimals?: number };
  invalid_days: { days: number };
  epoch_blocked_by_appeals: { appeals: number[] };
  not_contribution_author: { id: number };
  contribution_not_withdrawable: { id: number; status: string };
  invalid_address: { address: string };
  address_in_use: { address: string };
  no_pending_challenge: Record<string, never>;
  challenge_expired: { expiredAt: Date };
  challenge_used: { usedAt: Date };
  invalid_signature: {
    problem: "format" | "too_long" | "length" | "v" | "unrecoverable";
    bytes?: number;
    max?: number;
    address?: string;
    /** Why a contract wallet's signature was not asked for: no chain at all, or no contract at the address. */
    contractWallets?: "no_chain" | "no_code";
    chainId?: number;
  };
  signature_wrong_signer: { expected: string; recovered: string; contractWallets?: "no_chain" | "no_code" };
  challenge_outdated: Record<string, never>;
  contract_wallet_needs_chain: { address: string };
  contract_wallet_refused: { address: string; chainId: number; counterfactual: boolean };
  counterfactual_not_deployed: {
    address: string;
    chainId: number;
    problem: "deploy_failed" | "not_deployed" | "wrapper_malformed";
  };
  wallet_chain_unavailable: { chainId: number };
  link_message_malformed: { line: number; problem: SiweProblem };
  link_message_unknown_nonce: { nonce: string };
  link_message_wrong_address: { got: string; expected: string };
  link_message_wrong_domain: { got: string; expected: string };
  link_message_wrong_chain: { got: string; expected: number };
  link_message_wrong_uri: { got: string; expected: string };
  link_message_not_yet_valid: { notBefore: Date };
  no_wallet: Record<string, never>;
  guild_only: Record<string, never>;
  missing_role: { role: string };
  no_mentor_role: { role: string };
  unknown_job: { job: string; known: string[] };
  proposal_not_found: { id: number };
  nothing_to_retry: { id: number; status: string };
  proposal_not_draft: { id: number; status: string };
  invalid_voting_setup:
    | { problem: "basic_choices" | "duplicate_choice" | "period_range" }
    | { problem: "choice_count"; votingType: VotingType; min: number; max: number; payout: boolean }
    | { problem: "choice_too_long"; choice: string; max: number }
    | { problem: "period_format"; input: string };
  invalid_policy_change: {
    problem:
      | "weights_empty"
      | "weights_format"
      | "unknown_criterion"
      | "duplicate_criterion"
      | "weight_not_positive"
      | "missing_criterion"
      | "weights_sum"
      | "cap_zero"
      | "model_name"
      | "prompt_version"
      | "no_llm"
      | "no_change";
    detail?: string | undefined;
    known: string[];
  };
  payout_needs_recipient: { id: number };
  electorate_unavailable: { reason: "offline" | "members_intent" };
  vote_closed: { id: number; status: string; endedAt: Date | null };
  /** What a valid vote of this type is, said by the view. */
  invalid_vote: { id: number; votingType: VotingType };
  not_eligible: { reason: Ineligibility };
  no_voting_power: { strategy: string };
  not_a_payout: { id: number };
  approval_not_pending: { id: number; status: string };
  already_approved: { id: number; approvals: number; required: number };
  own_payout: { id: number; address: string };
  own_contribution: { id: number; action: "override" | "clear" | "appeal" };
  contribution_pays_you: { id: number; action: "override" | "clear" | "appeal"; address: string };
  mentee_contribution: { id: number; action: "override" | "clear" | "appeal" };
  contribution_withdrawn: { id: number; action: "override" | "clear" | "appeal" };
  contribution_in_distribution: {
    id: number;
    action: "override" | "clear" | "appeal";
    epoch: number;
    proposalId: number | null;
    proposalStatus: string | null;
  };
  not_flagged: { id: number };
  invalid_component: Record<string, never>;
  pager_expired: { command: string };
  /** `reviewerId`: the Discord id of the moderator who cleared it (null when not recorded). */
  already_reviewed: { id: number; reviewerId: string | null };
  impossible_spec: { field: string; value: string; min: number; max: number };
  invalid_price: { input: string; decimals: number };
  invalid_region: { input: string };
  gpu_count_without_model: { count: number };
  provider_needs_wallet: Record<string, never>;
  too_many_nodes: { max: number };
  node_key_in_use: { nodeId: number; publicKey: string };
  node_not_found: { id: number };
  not_your_node: { id: number };
  node_is_retired: { id: number };
  nothing_to_update: Record<string, never>;
  no_fitting_offer: { nearest: NearOffer[]; token: Token };
  compute_request_not_found: { id: number };
  not_your_request: { id: number };
  offer_gone: { nodeId: number; problems: OfferMiss[]; token: Token };
  own_node_lease: { nodeId: number };
  lease_not_found: { id: number };
  own_lease_approval: { id: number };
  not_lease_provider: { id: number };
  not_lease_party: { id: number };
  lease_not_in_state: { id: number; status: string; expected: string };
  export_no_epoch: { number: number };
  export_which_guild: { number: number; guilds: string[] };
  held_line_not_found: { id: number };
  held_line_resolved: { id: number; status: string; to: string | null };
  held_line_not_yours: { id: number; recipient: string };
  held_line_busy: { id: number };
  held_lines_unavailable: Record<string, never>;
  claim_signature_malformed: { id: number };
  claim_not_asked: { id: number };
  claim_refused: { id: number; recipient: string; refusal: ChainRefusalFact };
  held_line_claim_period: { id: number; until: Date };
  return_refused: { id: number; refusal: ChainRefusalFact };
  trace_unreadable: { ref: string };
  trace_ambiguous: { id: number; kinds: string[] };
  /** `any`: a bare `#12` that is none of a proposal, a contribution or a node. */
  trace_not_found: { kind: "transaction" | "proposal" | "contribution" | "node" | "any"; ref: string };
  jury_off: Record<string, never>;
  jury_item_not_found: { id: number };
  jury_sample_closed: { id: number };
  jury_own_contribution: { id: number };
  jury_conflicted: { id: number; address: string };
  jury_mentee: { id: number };
  jury_already_reviewed: { id: number };
  jury_invalid_scores: { criteria: string[] };
  github_off: Record<string, never>;
  github_unreachable: Record<string, never>;
  github_not_linked: Record<string, never>;
  github_login_needed: Record<string, never>;
  github_login_invalid: { login: string };
  github_user_unknown: { login: string };
  github_gist_none: Record<string, never>;
  github_gist_expired: { login: string };
  github_gist_unreachable: Record<string, never>;
  github_taken: { login: string };
  github_draft_not_found: { id: number };
  github_draft_decided: { id: number; status: string };
  invalid_share: { input: string };
  budget_floors_over: { category: string; shareBps: number; othersBps: number };
  mentor_not_newcomer: Record<string, never>;
  mentor_already_open: { status: "requested" | "active"; mentor: string | null };
  mentor_no_request: { newcomer: string };
  mentor_self: Record<string, never>;
  mentor_shares_wallet: { newcomer: string; address: string };
  mentor_taken: { newcomer: string; mentor: string | null };
  mentor_none_open: Record<string, never>;
  mentor_not_yours: { newcomer: string };
  mentor_review_not_mentee: { id: number };
  mentor_review_not_first: { id: number; reviews: number };
  mentor_review_too_late: { id: number; status: string };
  mentor_review_exists: { id: number };
};

export type UserErrorCode = keyof UserErrorContext;

export class UserError<C extends UserErrorCode = UserErrorCode> extends Error {
  override name = "UserError";
  constructor(
    readonly code: C,
    readonly context: UserErrorContext[C],
  ) {
    super(code);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

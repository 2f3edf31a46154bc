import type { ChainRefusalFact } from "../../base/chainRefusal.ts";
import { chainRefusalText } from "../../base/chainRefusalText.ts";
import type { MessageKey } from "../../i18n/catalogs/index.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { UserErrorCode, UserErrorContext } from "../../services/errors.ts";
import type { SiweProblem } from "../../services/wallets/parseSiweMessage.ts";
import { votingTypeName } from "../../votingTypes.ts";
import { percentOf } from "./budgetViews.ts";
import { categoryName } from "./categoryName.ts";
import { nearOfferText, offerMissesText } from "./computeFactText.ts";

// Echoed input is cut: a 4,000-character "address" must not push the answer past Discord's 2,000-character limit.
// The messages put it between backticks, so a backtick inside would end the code span early.
const echo = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text).replaceAll("`", "'");
/** A time for Discord's `<t:…>` markup, which every reader's client shows in their own language and zone. */
const unix = (d: Date) => String(Math.floor(d.getTime() / 1000));
// Ids and counts are given as text: they read as they are typed (#12345, not #12,345).
const n = (value: number) => String(value);

const field = (t: Translator, name: string) => t.t("errors.fieldName", { field: name });
// "being closed": a vote whose time is up while its tally is being written (castVote's closedError).
const status = (t: Translator, name: string) =>
  t.t("errors.status", { status: name === "being closed" ? "being_closed" : name });
const hasAddress = (address: string | undefined) => ({
  hasAddress: address !== undefined && address !== "",
  address: echo(address ?? ""),
});

/** What a person reads for each expected failure: what went wrong, and what to do about it. */
export const errorMessages = {
  field_empty: (c, t) => t.t("errors.field_empty", { field: field(t, c.field) }),
  field_no_words: (c, t) => t.t("errors.field_no_words", { field: field(t, c.field) }),
  invalid_text: (c, t) => t.t("errors.invalid_text", { field: field(t, c.field), problem: c.problem }),
  field_too_long: (c, t) =>
    t.t("errors.field_too_long", { field: field(t, c.field), max: n(c.max), length: n(c.length) }),
  too_many_links: (c, t) => t.t("errors.too_many_links", { max: n(c.max), count: n(c.count) }),
  invalid_link: (c, t) => t.t("errors.invalid_link", { link: echo(c.link) }),
  invalid_hours: (c, t) => t.t("errors.invalid_hours", { hours: n(c.hours), max: n(c.max) }),
  duplicate_submission: (c, t) =>
    t.t("errors.duplicate_submission", { contributionId: n(c.contributionId), windowSeconds: n(c.windowSeconds) }),
  contribution_not_found: (c, t) => t.t("errors.contribution_not_found", { id: n(c.id) }),
  not_evaluated_yet: (c, t) =>
    c.status === "withdrawn"
      ? t.t("errors.not_evaluated_yet.withdrawn", { id: n(c.id) })
      : t.t("errors.not_evaluated_yet", { id: n(c.id), status: status(t, c.status) }),
  not_contribution_author: (c, t) => t.t("errors.not_contribution_author", { id: n(c.id) }),
  contribution_not_withdrawable: (c, t) =>
    c.status === "withdrawn"
      ? t.t("errors.contribution_not_withdrawable.withdrawn", { id: n(c.id) })
      : t.t("errors.contribution_not_withdrawable", { id: n(c.id), status: status(t, c.status) }),
  invalid_score: (c, t) => t.t("errors.invalid_score", { score: n(c.score) }),
  invalid_reward: (c, t) => t.t("errors.invalid_reward", { input: echo(c.input), decimals: n(c.decimals) }),
  reward_above_cap: (c, t) => t.t("errors.reward_above_cap", { max: c.max }),
  field_empty_reason: (_c, t) => t.t("errors.field_empty_reason"),
  not_author_appeal: (c, t) => t.t("errors.not_author_appeal", { id: n(c.id) }),
  appeal_window_closed: (c, t) => t.t("errors.appeal_window_closed", { closedAt: unix(c.closedAt) }),
  appeal_exists: (c, t) => t.t("errors.appeal_exists", { id: n(c.id), status: status(t, c.status) }),
  appeal_not_found: (c, t) => t.t("errors.appeal_not_found", { id: n(c.id) }),
  appeal_resolved: (c, t) => t.t("errors.appeal_resolved", { id: n(c.id), status: status(t, c.status) }),
  appeal_second_pass_pending: (c, t) => t.t("errors.appeal_second_pass_pending", { id: n(c.id) }),
  proposal_draft_not_found: (c, t) => t.t("errors.proposal_draft_not_found", { id: n(c.id) }),
  proposal_draft_closed: (c, t) => t.t("errors.proposal_draft_closed", { id: n(c.id), state: c.state }),
  invalid_budget: (c, t) =>
    t.t(`errors.invalid_budget.${c.problem}`, { input: echo(c.input), decimals: n(c.decimals ?? 0) }),
  invalid_days: (c, t) => t.t("errors.invalid_days", { days: n(c.days) }),
  epoch_blocked_by_appeals: (c, t) =>
    t.t("errors.epoch_blocked_by_appeals", { appeals: c.appeals.map((a) => `#${a}`).join(", ") }),
  invalid_address: (c, t) => t.t("errors.invalid_address", { address: echo(c.address) }),
  address_in_use: (c, t) => t.t("errors.address_in_use", { address: echo(c.address) }),
  no_pending_challenge: (_c, t) => t.t("errors.no_pending_challenge"),
  challenge_expired: (c, t) => t.t("errors.challenge_expired", { expiredAt: unix(c.expiredAt) }),
  challenge_used: (_c, t) => t.t("errors.challenge_used"),
  invalid_signature: (c, t) => {
    if (c.problem === "format") return t.t("errors.invalid_signature.format");
    if (c.problem === "too_long") return t.t("errors.invalid_signature.too_long", { max: n(c.max ?? 0) });
    const said = t.t(`errors.invalid_signature.${c.problem}`, { ...hasAddress(c.address), bytes: n(c.bytes ?? 0) });
    return `${said}${contractWalletHint(t, c.address, c.contractWallets, c.chainId)}`;
  },
  signature_wrong_signer: (c, t) =>
    `${t.t("errors.signature_wrong_signer", { recovered: echo(c.recovered), expected: echo(c.expected) })}${
      c.contractWallets === "no_chain" ? contractWalletHint(t, c.expected, c.contractWallets) : ""
    }`,
  challenge_outdated: (_c, t) => t.t("errors.challenge_outdated"),
  contract_wallet_needs_chain: (c, t) => t.t("errors.contract_wallet_needs_chain", { address: echo(c.address) }),
  contract_wallet_refused: (c, t) =>
    t.t(c.counterfactual ? "errors.contract_wallet_refused.counterfactual" : "errors.contract_wallet_refused", {
      address: echo(c.address),
      chainId: n(c.chainId),
    }),
  counterfactual_not_deployed: (c, t) =>
    t.t(`errors.counterfactual_not_deployed.${c.problem}`, { address: echo(c.address), chainId: n(c.chainId) }),
  wallet_chain_unavailable: (c, t) => t.t("errors.wallet_chain_unavailable", { chainId: n(c.chainId) }),
  link_message_malformed: (c, t) =>
    t.t("errors.link_message_malformed", { line: n(c.line), problem: siweProblemText(t, c.problem) }),
  link_message_unknown_nonce: (c, t) => t.t("errors.link_message_unknown_nonce", { nonce: echo(c.nonce) }),
  link_message_wrong_address: (c, t) =>
    t.t("errors.link_message_wrong_address", {
      got: echo(c.got),
      expected: echo(c.expected),
      command: echo(`/wallet link address:${c.got}`),
    }),
  link_message_wrong_domain: (c, t) =>
    t.t("errors.link_message_wrong_domain", { got: echo(c.got), expected: echo(c.expected) }),
  link_message_wrong_chain: (c, t) =>
    t.t("errors.link_message_wrong_chain", { got: echo(c.got), expected: n(c.expected) }),
  link_message_wrong_uri: (c, t) =>
    t.t("errors.link_message_wrong_uri", { got: echo(c.got), expected: echo(c.expected) }),
  link_message_not_yet_valid: (c, t) => t.t("errors.link_message_not_yet_valid", { notBefore: unix(c.notBefore) }),
  no_wallet: (_c, t) => t.t("errors.no_wallet"),
  guild_only: (_c, t) => t.t("errors.guild_only"),
  // A role configured by id is shown as a mention, which Discord renders as the role's name (and pings nobody).
  missing_role: ({ role }, t) => t.t("errors.missing_role", { role: /^\d{17,20}$/.test(role) ? `<@&${role}>` : role }),
  no_mentor_role: ({ role }, t) => t.t("errors.no_mentor_role", { role }),
  export_no_epoch: (c, t) => t.t("errors.export_no_epoch", { number: n(c.number) }),
  export_which_guild: (c, t) => t.t("errors.export_which_guild", { number: n(c.number), guilds: c.guilds.join(", ") }),
  held_line_not_found: (c, t) => t.t("errors.held_line_not_found", { id: n(c.id) }),
  held_line_resolved: (c, t) =>
    t.t("errors.held_line_resolved", {
      id: n(c.id),
      outcome: c.status === "returned" ? "returned" : c.to ? "paidTo" : "paid",
      to: echo(c.to ?? ""),
    }),
  held_line_not_yours: (c, t) => t.t("errors.held_line_not_yours", { id: n(c.id), recipient: echo(c.recipient) }),
  held_line_busy: (c, t) => t.t("errors.held_line_busy", { id: n(c.id) }),
  held_lines_unavailable: (_c, t) => t.t("errors.held_lines_unavailable"),
  claim_signature_malformed: (c, t) => t.t("errors.claim_signature_malformed", { id: n(c.id) }),
  claim_not_asked: (c, t) => t.t("errors.claim_not_asked", { id: n(c.id) }),
  claim_refused: (c, t) => claimRefusal(t, c.refusal, c.recipient, c.id),
  held_line_claim_period: (c, t) => t.t("errors.held_line_claim_period", { id: n(c.id), until: unix(c.until) }),
  return_refused: (c, t) => t.t("errors.return_refused", { id: n(c.id), refusal: chainRefusalText(c.refusal, t) }),
  trace_unreadable: (c, t) => t.t("errors.trace_unreadable", { ref: echo(c.ref) }),
  trace_ambiguous: (c, t) =>
    t.t("errors.trace_ambiguous", {
      id: n(c.id),
      options: t.list(
        c.kinds.map((k) => `${k} ${c.id}`),
        "disjunction",
      ),
      first: `${c.kinds[0]} ${c.id}`,
    }),
  trace_not_found: (c, t) =>
    c.kind === "transaction"
      ? t.t("errors.trace_not_found.transaction", { ref: echo(c.ref) })
      : t.t("errors.trace_not_found", { kind: c.kind, ref: echo(c.ref) }),
  jury_off: (_c, t) => t.t("errors.jury_off"),
  jury_item_not_found: (c, t) => t.t("errors.jury_item_not_found", { id: n(c.id) }),
  jury_sample_closed: (c, t) => t.t("errors.jury_sample_closed", { id: n(c.id) }),
  jury_own_contribution: (c, t) => t.t("errors.jury_own_contribution", { id: n(c.id) }),
  jury_conflicted: (c, t) => t.t("errors.jury_conflicted", { id: n(c.id), address: echo(c.address) }),
  jury_mentee: (c, t) => t.t("errors.jury_mentee", { id: n(c.id) }),
  jury_already_reviewed: (c, t) => t.t("errors.jury_already_reviewed", { id: n(c.id) }),
  jury_invalid_scores: (c, t) => t.t("errors.jury_invalid_scores", { criteria: c.criteria.join(", ") }),
  unknown_job: (c, t) => t.t("errors.unknown_job", { job: echo(c.job), known: c.known.join(", ") }),
  proposal_not_found: (c, t) => t.t("errors.proposal_not_found", { id: n(c.id) }),
  nothing_to_retry: (c, t) => t.t("errors.nothing_to_retry", { id: n(c.id), status: status(t, c.status) }),
  proposal_not_draft: (c, t) => t.t("errors.proposal_not_draft", { id: n(c.id), status: status(t, c.status) }),
  invalid_voting_setup: (c, t) => {
    if (c.problem === "choice_count")
      return t.t("errors.invalid_voting_setup.choice_count", {
        type: votingTypeName(c.votingType),
        min: n(c.min),
        max: n(c.max),
        payout: c.payout,
        ranked: c.votingType === "ranked_choice",
      });
    if (c.problem === "choice_too_long")
      return t.t("errors.invalid_voting_setup.choice_too_long", { choice: c.choice, max: n(c.max) });
    if (c.problem === "period_format") return t.t("errors.invalid_voting_setup.period_format", { input: c.input });
    return t.t(`errors.invalid_voting_setup.${c.problem}`);
  },
  invalid_policy_change: ({ problem, detail, known }, t) => {
    const share = Math.floor(100 / known.length);
    const example = known
      .map((k, i) => `${k}=${i === 0 ? (1 - ((known.length - 1) * share) / 100).toFixed(2) : (share / 100).toFixed(2)}`)
      .join(",");
    return t.t(`errors.invalid_policy_change.${problem}`, { names: known.join(", "), example, detail: detail ?? "" });
  },
  payout_needs_recipient: (c, t) => t.t("errors.payout_needs_recipient", { id: n(c.id) }),
  electorate_unavailable: (c, t) =>
    t.t(
      c.reason === "members_intent"
        ? "errors.electorate_unavailable.members_intent"
        : "errors.electorate_unavailable.offline",
    ),
  vote_closed: (c, t) =>
    c.status === "draft"
      ? t.t("errors.vote_closed.draft", { id: n(c.id) })
      : t.t("errors.vote_closed", {
          id: n(c.id),
          ended: c.endedAt !== null,
          endedAt: c.endedAt ? unix(c.endedAt) : "",
          status: status(t, c.status),
        }),
  invalid_vote: (c, t) => t.t("errors.invalid_vote", { id: n(c.id), votingType: c.votingType }),
  not_eligible: ({ reason }, t) =>
    reason.kind === "roles"
      ? t.t("errors.not_eligible.roles", { roles: reason.roles.join(", ") })
      : reason.kind === "too_new"
        ? t.t("errors.not_eligible.too_new", { after: reason.after, from: reason.from })
        : t.t("errors.not_eligible.bot"),
  no_voting_power: (c, t) =>
    t.t(c.strategy === "erc20-balance" ? "errors.no_voting_power.erc20" : "errors.no_voting_power.roles"),
  not_a_payout: (c, t) => t.t("errors.not_a_payout", { id: n(c.id) }),
  approval_not_pending: (c, t) => t.t("errors.approval_not_pending", { id: n(c.id), status: status(t, c.status) }),
  already_approved: (c, t) =>
    t.t("errors.already_approved", { id: n(c.id), approvals: n(c.approvals), required: n(c.required) }),
  own_payout: (c, t) => t.t("errors.own_payout", { id: n(c.id), address: echo(c.address) }),
  own_contribution: (c, t) => t.t("errors.own_contribution", { id: n(c.id), action: c.action }),
  mentee_contribution: (c, t) => t.t("errors.mentee_contribution", { id: n(c.id), action: c.action }),
  contribution_pays_you: (c, t) =>
    t.t("errors.contribution_pays_you", { id: n(c.id), action: c.action, address: echo(c.address) }),
  contribution_withdrawn: (c, t) => t.t("errors.contribution_withdrawn", { id: n(c.id), action: c.action }),
  contribution_in_distribution: (c, t) =>
    t.t("errors.contribution_in_distribution", {
      id: n(c.id),
      action: c.action,
      epoch: n(c.epoch),
      hasProposal: c.proposalId !== null,
      proposalId: n(c.proposalId ?? 0),
      proposalStatus: c.proposalStatus === null ? "" : status(t, c.proposalStatus),
    }),
  invalid_component: (_c, t) => t.t("errors.invalid_component"),
  pager_expired: (c, t) => t.t("errors.pager_expired", { command: c.command }),
  not_flagged: (c, t) => t.t("errors.not_flagged", { id: n(c.id) }),
  already_reviewed: (c, t) => t.t("errors.already_reviewed", { id: n(c.id), reviewerId: c.reviewerId ?? "?" }),
  impossible_spec: (c, t) =>
    t.t("errors.impossible_spec", { value: echo(c.value), field: field(t, c.field), min: n(c.min), max: n(c.max) }),
  invalid_price: (c, t) => t.t("errors.invalid_price", { input: echo(c.input), decimals: n(c.decimals) }),
  invalid_region: (c, t) => t.t("errors.invalid_region", { input: echo(c.input) }),
  gpu_count_without_model: (c, t) => t.t("errors.gpu_count_without_model", { count: n(c.count) }),
  provider_needs_wallet: (_c, t) => t.t("errors.provider_needs_wallet"),
  too_many_nodes: (c, t) => t.t("errors.too_many_nodes", { max: n(c.max) }),
  node_key_in_use: (c, t) => t.t("errors.node_key_in_use", { nodeId: n(c.nodeId), publicKey: echo(c.publicKey) }),
  node_not_found: (c, t) => t.t("errors.node_not_found", { id: n(c.id) }),
  not_your_node: (c, t) => t.t("errors.not_your_node", { id: n(c.id) }),
  node_is_retired: (c, t) => t.t("errors.node_is_retired", { id: n(c.id) }),
  nothing_to_update: (_c, t) => t.t("errors.nothing_to_update"),
  no_fitting_offer: (c, t) =>
    c.nearest.length > 0
      ? t.t("errors.no_fitting_offer.nearest", {
          nearest: c.nearest.map((o) => `- ${nearOfferText(t, o, c.token)}`).join("\n"),
        })
      : t.t("errors.no_fitting_offer.none"),
  compute_request_not_found: (c, t) => t.t("errors.compute_request_not_found", { id: n(c.id) }),
  not_your_request: (c, t) => t.t("errors.not_your_request", { id: n(c.id) }),
  offer_gone: (c, t) =>
    t.t("errors.offer_gone", { nodeId: n(c.nodeId), problems: offerMissesText(t, c.problems, c.token) }),
  own_node_lease: (c, t) => t.t("errors.own_node_lease", { nodeId: n(c.nodeId) }),
  lease_not_found: (c, t) => t.t("errors.lease_not_found", { id: n(c.id) }),
  own_lease_approval: (c, t) => t.t("errors.own_lease_approval", { id: n(c.id) }),
  not_lease_provider: (c, t) => t.t("errors.not_lease_provider", { id: n(c.id) }),
  not_lease_party: (c, t) => t.t("errors.not_lease_party", { id: n(c.id) }),
  lease_not_in_state: (c, t) =>
    t.t("errors.lease_not_in_state", { id: n(c.id), status: status(t, c.status), expected: status(t, c.expected) }),
  github_off: (_c, t) => t.t("errors.github_off"),
  github_unreachable: (_c, t) => t.t("errors.github_unreachable"),
  github_not_linked: (_c, t) => t.t("errors.github_not_linked"),
  github_login_needed: (_c, t) => t.t("errors.github_login_needed"),
  github_login_invalid: (c, t) => t.t("errors.github_login_invalid", { login: c.login }),
  github_user_unknown: (c, t) => t.t("errors.github_user_unknown", { login: c.login }),
  github_gist_none: (_c, t) => t.t("errors.github_gist_none"),
  github_gist_expired: (c, t) => t.t("errors.github_gist_expired", { login: c.login }),
  github_gist_unreachable: (_c, t) => t.t("errors.github_gist_unreachable"),
  github_draft_not_found: (c, t) => t.t("errors.github_draft_not_found", { id: n(c.id) }),
  github_draft_decided: (c, t) => t.t("errors.github_draft_decided", { id: n(c.id), status: status(t, c.status) }),
  github_taken: (c, t) => t.t("errors.github_taken", { login: c.login }),
  invalid_share: ({ input }, t) => t.t("budget.error.invalidShare", { input: echo(input) }),
  budget_floors_over: ({ category, shareBps, othersBps }, t) =>
    t.t("budget.error.floorsOver", {
      category: categoryName(t, category),
      share: percentOf(t, shareBps),
      others: percentOf(t, othersBps),
    }),
  mentor_not_newcomer: (_c, t) => t.t("mentor.error.notNewcomer"),
  mentor_already_open: (c, t) =>
    t.t("mentor.error.alreadyOpen", { status: c.status, mentor: c.mentor ? echo(c.mentor) : "" }),
  mentor_no_request: (c, t) => t.t("mentor.error.noRequest", { newcomer: echo(c.newcomer) }),
  mentor_self: (_c, t) => t.t("mentor.error.self"),
  mentor_shares_wallet: (c, t) =>
    t.t("mentor.error.sharesWallet", { newcomer: echo(c.newcomer), address: echo(c.address) }),
  mentor_taken: (c, t) =>
    t.t("mentor.error.taken", {
      hasMentor: c.mentor ? "yes" : "no",
      newcomer: echo(c.newcomer),
      mentor: c.mentor ? echo(c.mentor) : "",
    }),
  mentor_none_open: (_c, t) => t.t("mentor.error.noneOpen"),
  mentor_not_yours: (c, t) => t.t("mentor.error.notYours", { newcomer: echo(c.newcomer) }),
  mentor_review_not_mentee: (c, t) => t.t("mentor.error.reviewNotMentee", { id: n(c.id) }),
  mentor_review_not_first: (c, t) => t.t("mentor.error.reviewNotFirst", { id: n(c.id), reviews: c.reviews }),
  mentor_review_too_late: (c, t) => t.t("mentor.error.reviewTooLate", { id: n(c.id), status: status(t, c.status) }),
  mentor_review_exists: (c, t) => t.t("mentor.error.reviewExists", { id: n(c.id) }),
} satisfies { [C in UserErrorCode]: (context: UserErrorContext[C], t: Translator) => string };

/** The distributor's errors a claim's revert is told by, each with what to do about it. */
const CLAIM_REFUSALS = ["InvalidClaimSignature", "ClaimExpired", "NotHeld", "InvalidDestination"] as const;

/** A claim's revert, in words: the signer, the deadline, the line, the token's transfer. */
function claimRefusal(t: Translator, refusal: ChainRefusalFact, recipient: string, id: number): string {
  const named = refusal.kind === "contract_error" ? CLAIM_REFUSALS.find((e) => e === refusal.name) : undefined;
  if (named) return t.t(`errors.claim_refused.${named}`, { id: n(id), recipient: echo(recipient) });
  return t.t("errors.claim_refused", { id: n(id), refusal: chainRefusalText(refusal, t) });
}

/** Why a signature was checked as an ordinary wallet's: said, for those who signed with a contract wallet. */
export function contractWalletHint(
  t: Translator,
  address: string | undefined,
  why: "no_chain" | "no_code" | undefined,
  chainId?: number,
): string {
  if (why === undefined) return "";
  const key: MessageKey = why === "no_chain" ? "errors.contractWalletHint.noChain" : "errors.contractWalletHint.noCode";
  return ` ${t.t(key, { ...hasAddress(address), chainId: chainId === undefined ? "undefined" : n(chainId) })}`;
}

/** What line N of a pasted EIP-4361 message should have been. */
export function siweProblemText(t: Translator, problem: SiweProblem): string {
  return t.t(`errors.siwe.${problem}`);
}

/** An expected failure in the reader's language. */
export function userErrorMessage<C extends UserErrorCode>(
  t: Translator,
  code: C,
  context: UserErrorContext[C],
): string {
  return (errorMessages[code] as (c: UserErrorContext[C], t: Translator) => string)(context, t);
}

import { describe, expect, it } from "vitest";
import type { ChainRefusalFact } from "../../../src/base/chainRefusal.ts";
import { chainRefusalText } from "../../../src/base/chainRefusalText.ts";
import {
  type DiscordFailure,
  discordFailureText,
  type PostFailure,
  postFailureText,
} from "../../../src/discord/describePostFailure.ts";
import { errorMessages, userErrorMessage } from "../../../src/discord/views/errorMessages.ts";
import { LOCALES } from "../../../src/i18n/locales.ts";
import { translator } from "../../../src/i18n/translator.ts";
import type { OfferMiss } from "../../../src/services/compute/offerMiss.ts";
import type { UserErrorCode, UserErrorContext } from "../../../src/services/errors.ts";
import type { SiweProblem } from "../../../src/services/wallets/parseSiweMessage.ts";
import { discordLimitProblems } from "../../helpers/discordLimits.ts";

// The longest things a person can paste are cut to 120 characters by the view: give more, so the cut is exercised.
const pasted = `0x${"ab".repeat(200)}`;
const address = "0x52908400098527886E0F7030069857D2E4169EE7";
const at = new Date("2026-03-01T12:00:00Z");
const bigId = 2_147_483_647;
const refusals: ChainRefusalFact[] = [
  { kind: "no_key" },
  { kind: "contract_error", name: "InvalidClaimSignature", args: [] },
  { kind: "contract_error", name: "ClaimExpired", args: [] },
  { kind: "contract_error", name: "NotHeld", args: ["12"] },
  { kind: "contract_error", name: "InvalidDestination", args: [] },
  { kind: "contract_error", name: "PullMismatch", args: ["1000000000000000000000", "999000000000000000000"] },
  { kind: "contract_error", name: "TransferFailed", args: [address] },
  { kind: "revert", reason: "ERC20: transfer amount exceeds balance" },
  { kind: "gas_cap", needs: "31000000", cap: "30000000" },
  { kind: "fee_cap", asks: "250000000000", cap: "100000000000" },
  { kind: "node_refused", message: "insufficient funds for gas * price + value" },
  { kind: "other", message: "execution reverted" },
];
const siweProblems: SiweProblem[] = [
  "line_ending",
  "header",
  "address",
  "address_checksum",
  "blank_line",
  "statement",
  "uri",
  "version",
  "chain_id",
  "nonce",
  "issued_at",
  "expiration_time",
  "not_before",
  "request_id",
  "resource",
  "unexpected_line",
  "too_short",
];
const token = { symbol: "STEW", decimals: 18 };
// Every way an offer misses a request, at the largest figures a node can declare.
const everyMiss: OfferMiss[] = [
  { kind: "offline" },
  { kind: "gpu_model", offered: "NVIDIA-GeForce-RTX-4090-with-a-very-long-model-name-of-64-chars", wanted: "H200" },
  { kind: "gpu_model", offered: null, wanted: "NVIDIA-H200-with-a-very-long-model-name-as-a-member-types-it-64" },
  { kind: "vram", vramGb: 1023, minVramGb: 1024 },
  { kind: "free_gpus", free: 1, wanted: 64 },
  { kind: "price", price: "123456789012345678901234567", maxPrice: "123456789012345678901234566" },
];
const criteria = ["clarity", "impact", "effort", "originality", "evidence"];
const actions = ["override", "clear", "appeal"] as const;

/** Representative contexts for every code (every branch of its message), with long and large values. */
const samples: { [C in UserErrorCode]: UserErrorContext[C][] } = {
  field_empty: [{ field: "title" }, { field: "specification" }, { field: "choices" }],
  field_no_words: [{ field: "idea" }, { field: "description" }],
  invalid_text: [
    { field: "title", problem: "nul" },
    { field: "gpu_model", problem: "surrogate" },
  ],
  field_too_long: [{ field: "description", max: 4000, length: 123_456 }],
  too_many_links: [{ max: 10, count: 250 }],
  invalid_link: [{ link: pasted }, { link: "ftp://`example`" }],
  invalid_hours: [{ hours: 0.001, max: 1000 }],
  duplicate_submission: [{ contributionId: bigId, windowSeconds: 60 }],
  contribution_not_found: [{ id: 2 ** 40 }],
  not_evaluated_yet: [
    { id: bigId, status: "evaluating" },
    { id: bigId, status: "withdrawn" },
    { id: bigId, status: "submitted" },
  ],
  invalid_score: [{ score: 101 }],
  invalid_reward: [{ input: pasted, decimals: 18 }],
  reward_above_cap: [{ max: "1,000,000.123456789012345678 STEW" }],
  field_empty_reason: [{}],
  not_author_appeal: [{ id: bigId }],
  appeal_window_closed: [{ closedAt: at }],
  appeal_exists: [
    { id: bigId, status: "open" },
    { id: bigId, status: "rejected" },
  ],
  appeal_not_found: [{ id: bigId }],
  appeal_resolved: [
    { id: bigId, status: "accepted" },
    { id: bigId, status: "rejected" },
  ],
  appeal_second_pass_pending: [{ id: bigId }],
  proposal_draft_not_found: [{ id: bigId }],
  proposal_draft_closed: [
    { id: bigId, state: "submitted" },
    { id: bigId, state: "cancelled" },
  ],
  invalid_budget: [
    { input: pasted, problem: "format" },
    { input: pasted, problem: "decimals", decimals: 18 },
    { input: "0", problem: "zero" },
    { input: pasted, problem: "too_large" },
  ],
  invalid_days: [{ days: 366 }],
  epoch_blocked_by_appeals: [{ appeals: Array.from({ length: 40 }, (_, i) => 100_000 + i) }],
  not_contribution_author: [{ id: bigId }],
  contribution_not_withdrawable: [
    { id: bigId, status: "withdrawn" },
    { id: bigId, status: "final" },
  ],
  invalid_address: [{ address: pasted }],
  address_in_use: [{ address }],
  no_pending_challenge: [{}],
  challenge_expired: [{ expiredAt: at }],
  challenge_used: [{ usedAt: at }],
  invalid_signature: [
    { problem: "format" },
    { problem: "too_long", max: 20_000 },
    { problem: "length", bytes: 64, address, contractWallets: "no_chain" },
    { problem: "length", bytes: 10_000 },
    { problem: "v", address, contractWallets: "no_code", chainId: 8453 },
    { problem: "unrecoverable", contractWallets: "no_chain" },
    { problem: "unrecoverable", address: pasted, contractWallets: "no_code", chainId: 11_155_111 },
  ],
  signature_wrong_signer: [
    { expected: address, recovered: pasted, contractWallets: "no_chain" },
    { expected: address, recovered: address },
  ],
  challenge_outdated: [{}],
  contract_wallet_needs_chain: [{ address: pasted }],
  contract_wallet_refused: [
    { address: pasted, chainId: 11_155_111, counterfactual: true },
    { address: pasted, chainId: 11_155_111, counterfactual: false },
  ],
  counterfactual_not_deployed: [
    { address: pasted, chainId: 1, problem: "deploy_failed" },
    { address: pasted, chainId: 1, problem: "not_deployed" },
    { address: pasted, chainId: 1, problem: "wrapper_malformed" },
  ],
  wallet_chain_unavailable: [{ chainId: 11_155_111 }],
  link_message_malformed: siweProblems.map((problem) => ({ line: 12, problem })),
  link_message_unknown_nonce: [{ nonce: pasted }],
  link_message_wrong_address: [{ got: pasted, expected: address }],
  link_message_wrong_domain: [{ got: pasted, expected: pasted }],
  link_message_wrong_chain: [{ got: pasted, expected: 11_155_111 }],
  link_message_wrong_uri: [{ got: pasted, expected: pasted }],
  link_message_not_yet_valid: [{ notBefore: at }],
  no_wallet: [{}],
  guild_only: [{}],
  missing_role: [{ role: "Moderator" }, { role: "157900000000000001" }],
  no_mentor_role: [{ role: "Mentor" }],
  unknown_job: [{ job: pasted, known: ["evaluate", "settle", "publish", "remind", "heartbeat", "calibrate"] }],
  proposal_not_found: [{ id: bigId }],
  nothing_to_retry: [
    { id: bigId, status: "awaiting_approval" },
    { id: bigId, status: "settled" },
  ],
  proposal_not_draft: [{ id: bigId, status: "open" }],
  invalid_voting_setup: [
    { problem: "basic_choices" },
    { problem: "duplicate_choice" },
    { problem: "period_range" },
    { problem: "choice_count", votingType: "ranked_choice", min: 3, max: 10, payout: true },
    { problem: "choice_count", votingType: "ranked_choice", min: 3, max: 10, payout: false },
    { problem: "choice_count", votingType: "approval", min: 2, max: 10, payout: false },
    { problem: "choice_too_long", choice: "x".repeat(20), max: 80 },
    { problem: "period_format", input: "y".repeat(20) },
  ],
  invalid_policy_change: (
    [
      "weights_empty",
      "weights_format",
      "unknown_criterion",
      "duplicate_criterion",
      "weight_not_positive",
      "missing_criterion",
      "weights_sum",
      "cap_zero",
      "model_name",
      "prompt_version",
      "no_llm",
      "no_change",
    ] as const
  ).map((problem) => ({ problem, detail: pasted.slice(0, 100), known: criteria })),
  payout_needs_recipient: [{ id: bigId }],
  electorate_unavailable: [{ reason: "offline" }, { reason: "members_intent" }],
  vote_closed: [
    { id: bigId, status: "draft", endedAt: null },
    { id: bigId, status: "awaiting_approval", endedAt: at },
    { id: bigId, status: "expired", endedAt: null },
  ],
  invalid_vote: (["basic", "single_choice", "approval", "ranked_choice", "weighted", "quadratic"] as const).map(
    (votingType) => ({ id: bigId, votingType }),
  ),
  not_eligible: [
    { reason: { kind: "bot" } },
    { reason: { kind: "roles", roles: ["Member", "Contributor", "Core team"] } },
    { reason: { kind: "too_new", after: "7d", from: "2026-03-08T12:00:00Z" } },
  ],
  no_voting_power: [{ strategy: "erc20-balance" }, { strategy: "role-weighted" }],
  not_a_payout: [{ id: bigId }],
  approval_not_pending: [{ id: bigId, status: "settling" }],
  already_approved: [{ id: bigId, approvals: 2, required: 3 }],
  own_payout: [{ id: bigId, address }],
  own_contribution: actions.map((action) => ({ id: bigId, action })),
  contribution_pays_you: actions.map((action) => ({ id: bigId, action, address })),
  mentee_contribution: actions.map((action) => ({ id: bigId, action })),
  contribution_withdrawn: actions.map((action) => ({ id: bigId, action })),
  contribution_in_distribution: [
    ...actions.map((action) => ({
      id: bigId,
      action,
      epoch: 1234,
      proposalId: bigId,
      proposalStatus: "awaiting_approval",
    })),
    { id: bigId, action: "override", epoch: 12, proposalId: null, proposalStatus: null },
  ],
  not_flagged: [{ id: bigId }],
  invalid_component: [{}],
  pager_expired: [{ command: "/node list" }],
  already_reviewed: [
    { id: bigId, reviewerId: "300000000000000001" },
    { id: bigId, reviewerId: null },
  ],
  impossible_spec: [
    { field: "gpu_count", value: pasted, min: 0, max: 64 },
    { field: "min_vram_gb", value: "99999", min: 1, max: 4096 },
  ],
  invalid_price: [{ input: pasted, decimals: 18 }],
  invalid_region: [{ input: pasted }],
  gpu_count_without_model: [{ count: 8 }],
  provider_needs_wallet: [{}],
  too_many_nodes: [{ max: 20 }],
  node_key_in_use: [{ nodeId: bigId, publicKey: address }],
  node_not_found: [{ id: bigId }],
  not_your_node: [{ id: bigId }],
  node_is_retired: [{ id: bigId }],
  nothing_to_update: [{}],
  no_fitting_offer: [
    { nearest: [], token },
    {
      nearest: Array.from({ length: 3 }, (_, i) => ({
        nodeId: bigId - i,
        name: "a-very-long-node-name-".repeat(3).slice(0, 64),
        misses: everyMiss,
      })),
      token,
    },
  ],
  compute_request_not_found: [{ id: bigId }],
  not_your_request: [{ id: bigId }],
  offer_gone: [
    { nodeId: bigId, problems: [{ kind: "retired" }], token },
    { nodeId: bigId, problems: everyMiss, token },
  ],
  own_node_lease: [{ nodeId: bigId }],
  lease_not_found: [{ id: bigId }],
  own_lease_approval: [{ id: bigId }],
  not_lease_provider: [{ id: bigId }],
  not_lease_party: [{ id: bigId }],
  lease_not_in_state: [
    { id: bigId, status: "awaiting_approval", expected: "offered" },
    { id: bigId, status: "ended", expected: "active" },
  ],
  export_no_epoch: [{ number: 1234 }],
  export_which_guild: [{ number: 12, guilds: ["100000000000000001", "100000000000000002", "100000000000000003"] }],
  held_line_not_found: [{ id: bigId }],
  held_line_resolved: [
    { id: bigId, status: "returned", to: null },
    { id: bigId, status: "claimed", to: address },
    { id: bigId, status: "sent", to: null },
  ],
  held_line_not_yours: [{ id: bigId, recipient: address }],
  held_line_busy: [{ id: bigId }],
  held_lines_unavailable: [{}],
  claim_signature_malformed: [{ id: bigId }],
  claim_not_asked: [{ id: bigId }],
  claim_refused: refusals.map((refusal) => ({ id: bigId, recipient: address, refusal })),
  held_line_claim_period: [{ id: bigId, until: at }],
  return_refused: refusals.map((refusal) => ({ id: bigId, refusal })),
  trace_unreadable: [{ ref: pasted }],
  trace_ambiguous: [
    { id: 12, kinds: ["proposal", "contribution"] },
    { id: 12, kinds: ["proposal", "contribution", "node"] },
  ],
  trace_not_found: [
    { kind: "transaction", ref: `0x${"ab".repeat(32)}` },
    { kind: "proposal", ref: "#12" },
    { kind: "contribution", ref: "#12" },
    { kind: "node", ref: "#12" },
    { kind: "any", ref: "#12" },
  ],
  jury_off: [{}],
  jury_item_not_found: [{ id: bigId }],
  jury_sample_closed: [{ id: bigId }],
  jury_own_contribution: [{ id: bigId }],
  jury_conflicted: [{ id: bigId, address }],
  jury_mentee: [{ id: bigId }],
  jury_already_reviewed: [{ id: bigId }],
  jury_invalid_scores: [{ criteria }],
  github_off: [{}],
  github_unreachable: [{}],
  github_not_linked: [{}],
  github_login_needed: [{}],
  github_login_invalid: [{ login: "x".repeat(100) }],
  github_user_unknown: [{ login: "a".repeat(39) }],
  github_gist_none: [{}],
  github_gist_expired: [{ login: "a".repeat(39) }],
  github_gist_unreachable: [{}],
  github_taken: [{ login: "a".repeat(39) }],
  github_draft_not_found: [{ id: bigId }],
  github_draft_decided: [
    { id: bigId, status: "confirmed" },
    { id: bigId, status: "discarded" },
  ],
  invalid_share: [{ input: "x".repeat(4000) }],
  budget_floors_over: [{ category: "community", shareBps: 9_999, othersBps: 9_999 }],
  mentor_not_newcomer: [{}],
  mentor_already_open: [
    { status: "requested", mentor: null },
    { status: "active", mentor: "123456789012345678" },
  ],
  mentor_no_request: [{ newcomer: "123456789012345678" }],
  mentor_self: [{}],
  mentor_shares_wallet: [{ newcomer: "123456789012345678", address: "0x".padEnd(42, "a") }],
  mentor_taken: [
    { newcomer: "123456789012345678", mentor: "223456789012345678" },
    { newcomer: "123456789012345678", mentor: null },
  ],
  mentor_none_open: [{}],
  mentor_not_yours: [{ newcomer: "123456789012345678" }],
  mentor_review_not_mentee: [{ id: bigId }],
  mentor_review_not_first: [{ id: bigId, reviews: 3 }],
  mentor_review_too_late: [{ id: bigId, status: "evaluated" }],
  mentor_review_exists: [{ id: bigId }],
};

const render = <C extends UserErrorCode>(locale: (typeof LOCALES)[number], code: C, context: UserErrorContext[C]) =>
  userErrorMessage(translator(locale), code, context);

const everyCase = () =>
  (Object.keys(errorMessages) as UserErrorCode[]).flatMap((code) =>
    (samples[code] as UserErrorContext[UserErrorCode][]).map((context) => ({ code, context })),
  );

const postFailures: PostFailure[] = [
  { kind: "not_connected" },
  { kind: "no_channel", channel: "a-very-long-channel-name-for-contributions-and-more".repeat(2) },
  { kind: "missing_permissions", permissions: ["Send Messages"] },
  {
    kind: "missing_permissions",
    permissions: ["View Channel", "Send Messages", "Embed Links", "Read Message History"],
  },
  { kind: "discord_failing", status: 503 },
  { kind: "timeout" },
  { kind: "unreachable" },
  { kind: "no_view_channel" },
  { kind: "missing_access" },
  { kind: "channel_gone" },
  { kind: "message_gone" },
  { kind: "invalid_message" },
  { kind: "steward_error" },
  { kind: "subject_gone" },
];
const discordFailures: DiscordFailure[] = [{ kind: "http", status: 502 }, { kind: "timeout" }, { kind: "unreachable" }];

describe("every user error, in every language", () => {
  it("has a sample for every code (and every code has a message)", () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(errorMessages).sort());
    for (const code of Object.keys(samples) as UserErrorCode[]) expect(samples[code].length, code).toBeGreaterThan(0);
  });

  it.each(LOCALES)("%s: every message fits one Discord message and leaves no placeholder unfilled", (locale) => {
    const problems: string[] = [];
    for (const { code, context } of everyCase()) {
      const content = render(locale, code, context);
      problems.push(...discordLimitProblems({ content }).map((p) => `${code}: ${p}`));
      if (content.trim() === "" || /\{[a-zA-Z]+\}|undefined|\[object/.test(content))
        problems.push(`${code}: ${content}`);
    }
    expect(problems).toEqual([]);
  });

  it("speaks Chinese and Spanish in every message, not English", () => {
    const han = /\p{Script=Han}/u;
    for (const { code, context } of everyCase()) {
      const zh = render("zh-CN", code, context);
      const es = render("es-ES", code, context);
      const en = render("en", code, context);
      expect(han.test(zh), `${code}: ${zh}`).toBe(true);
      expect(es, code).not.toBe(en);
    }
  });

  it("words each branch as its own sentence in Chinese and Spanish", () => {
    expect(render("zh-CN", "contribution_not_found", { id: 2 ** 31 })).toBe("本服务器中没有贡献#2147483648。");
    expect(render("es-ES", "contribution_not_found", { id: 2 ** 31 })).toBe(
      "No hay ninguna contribución #2147483648 en este servidor.",
    );
    expect(render("es-ES", "field_empty", { field: "title" })).toBe(
      "El campo «título» está vacío. Escribe algo en él.",
    );
    expect(render("zh-CN", "invalid_text", { field: "description", problem: "nul" })).toBe(
      "描述包含NUL字符（\\0），无法保存。请去掉该字符后重新输入。",
    );
    expect(render("zh-CN", "own_contribution", { id: 7, action: "clear" })).toContain("解除贡献#7的评估标记");
    expect(render("es-ES", "vote_closed", { id: 3, status: "awaiting_approval", endedAt: at })).toBe(
      `La votación de la propuesta #3 está cerrada (terminó <t:${at.getTime() / 1000}:R>); estado: pendiente de aprobación. Tu voto no se ha registrado.`,
    );
  });

  it("keeps English exactly as before (ids and counts as typed, statuses spelt out)", () => {
    expect(render("en", "field_too_long", { field: "description", max: 4000, length: 12345 })).toBe(
      "The description is too long: 12345 characters, and at most 4000 are allowed.",
    );
    expect(render("en", "vote_closed", { id: 12345, status: "awaiting_approval", endedAt: null })).toBe(
      "Voting on proposal #12345 is closed; it is awaiting approval. Your vote was not recorded.",
    );
    expect(render("en", "held_line_resolved", { id: 4, status: "claimed", to: address })).toBe(
      `Held line #4 was already paid out to \`${address}\`: there is nothing left to claim.`,
    );
    expect(render("en", "invalid_signature", { problem: "v", address, contractWallets: "no_code", chainId: 1 })).toBe(
      `That is not a valid signature for \`${address}\`: its last byte (v) must be 1b or 1c (27 or 28), or 00 or 01. Paste the signature exactly as your wallet gave it. (\`${address}\` has no contract on chain 1, so it signs as an ordinary wallet; a smart account not deployed there yet signs with ERC-6492, which smart-account wallets do by themselves.)`,
    );
    expect(render("en", "invalid_link", { link: `x\`${"y".repeat(200)}` })).toBe(
      `\`x'${"y".repeat(115)}…\` is not a valid link. Links must start with http:// or https://.`,
    );
  });
});

describe("what the chain and Discord refused, in every language", () => {
  it.each(LOCALES)("%s: a chain refusal, a post failure and Discord's failure are worded", (locale) => {
    const t = translator(locale);
    for (const f of refusals) expect(chainRefusalText(f, t).length).toBeGreaterThan(0);
    for (const f of postFailures) expect(postFailureText(t, f)).not.toMatch(/\{|undefined/);
    for (const f of discordFailures) {
      const content = t.t("common.discordFailedWhileAnswering", {
        failure: discordFailureText(t, f),
        incidentId: "ab12cd34",
      });
      expect(discordLimitProblems({ content })).toEqual([]);
    }
  });

  it("keeps English for the CLI and logs, and speaks the reader's language in Discord", () => {
    expect(chainRefusalText({ kind: "gas_cap", needs: "31000000", cap: "30000000" })).toBe(
      "the chunk needs 31000000 gas, more than one transaction may use on this chain (30000000): it must be paid in smaller chunks",
    );
    expect(postFailureText(translator("en"), { kind: "missing_permissions", permissions: ["Send Messages"] })).toBe(
      "I lack Send Messages there",
    );
    expect(postFailureText(translator("zh-CN"), { kind: "missing_permissions", permissions: ["Embed Links"] })).toBe(
      "我在那里缺少嵌入链接权限",
    );
    expect(
      postFailureText(translator("es-ES"), {
        kind: "missing_permissions",
        permissions: ["View Channel", "Send Messages"],
      }),
    ).toBe("me faltan los permisos Ver canal y Enviar mensajes allí");
    expect(discordFailureText(translator("en"), { kind: "http", status: 503 })).toBe(
      "Discord failed (it answered HTTP 503)",
    );
    expect(discordFailureText(translator("zh-CN"), { kind: "timeout" })).toBe("Discord未能及时响应");
  });
});

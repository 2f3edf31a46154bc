import { describe, expect, it } from "vitest";
import { describeVote, pointsSelect, rankSelect } from "../../../src/discord/views/ballotViews.ts";
import { epochClosedText, epochStatusEmbed } from "../../../src/discord/views/epochViews.ts";
import { policyProposedText, policyStatusView } from "../../../src/discord/views/policyViews.ts";
import { proposalMessage } from "../../../src/discord/views/proposalMessageView.ts";
import { proposalDraftView, proposalEditModal } from "../../../src/discord/views/proposalViews.ts";
import { quorumText } from "../../../src/discord/views/quorumText.ts";
import { rejectPayoutModal, resultMessage } from "../../../src/discord/views/resultViews.ts";
import { LOCALES } from "../../../src/i18n/locales.ts";
import { type Translator, translator } from "../../../src/i18n/translator.ts";
import type { ProposalOverview } from "../../../src/services/proposals/proposalOverview.ts";
import { discordLimitProblems } from "../../helpers/discordLimits.ts";

// Every view of the governance area (proposals, ballots, results, epochs, policy) in every language, with long
// titles, large amounts and many items: each must fit Discord's limits before any clamping.

const token = { symbol: "STEW", decimals: 18 };
const big = (whole: bigint) => (whole * 10n ** 18n + 123456789n).toString();
const address = (i: number) => `0x${i.toString(16).padStart(40, "a")}`;
const title = `Translation sprint for the documentation in Spanish, Portuguese and Chinese ${"x".repeat(120)}`;
const long = "A long paragraph written by a member. ".repeat(60);
const ends = new Date("2026-12-10T12:00:00Z");
const HAN = /\p{Script=Han}/u;

const outcome = (scores: number[], status: "passed" | "rejected" | "expired") => ({
  scores,
  scoresTotal: scores.reduce((a, b) => a + b, 0),
  voters: 1234,
  quorumMet: status !== "expired",
  winner: 1,
  tie: false,
  status,
});

const quorum = {
  quorumSpec: "10%",
  quorumWeight: 380.5,
  eligibleWeight: 3805,
  eligibleVoters: 4990,
  weightStrategy: "role-weighted",
  quorumOf: "active",
  quorumMembers: 3805,
  quorumBaseWeight: 3805,
  activeSince: new Date("2026-09-01T00:00:00Z"),
};

function overview(over: Record<string, unknown>, extra: Record<string, unknown> = {}): ProposalOverview {
  const choices = (over.choices as string[] | undefined) ?? ["For", "Against", "Abstain"];
  return {
    proposal: {
      id: 123456,
      title,
      summary: long,
      motivation: long,
      specification: long,
      status: "open",
      kind: "distribution",
      authorDiscordId: "system:epoch-close",
      batch: Array.from({ length: 60 }, (_, i) => ({
        recipient: address(i),
        amount: big(1_000_000n + BigInt(i)),
        refs: ["contribution:101", "contribution:102", "carry:3", "carry:4", "node:7", "lease:9"],
      })),
      batchHash: `0x${"ab".repeat(32)}`,
      budgetAmount: null,
      budgetRecipient: null,
      votingType: "basic",
      choices,
      endsAt: ends,
      snapshotBlock: 19_000_000,
      passThreshold: 0.5,
      channelId: "1",
      messageId: "2",
      approvalsRequired: 3,
      vetoedBy: "99",
      vetoReason: long,
      settlementError: long,
      ...quorum,
      ...over,
    },
    publicAddress: {},
    result: {
      binding: "withoutConflicted",
      conflictedVoters: 12,
      all: outcome([1234.56, 22.5, 3], "passed"),
      withoutConflicted: outcome([1000, 400.25, 3], "rejected"),
    },
    anchor: {
      eventId: 987654n,
      hash: `0x${"cd".repeat(32)}`,
      txHash: `0x${"ef".repeat(32)}`,
      chainId: 8453,
      blockNumber: 19_000_123,
    },
    carried: Array.from({ length: 40 }, (_, i) => ({ discordId: `1000000000000000${i}`, amount: big(12345n) })),
    approvals: ["11", "12"],
    payouts: [
      { chunkIndex: 0, status: "confirmed", txHash: `0x${"12".repeat(32)}`, failure: null },
      { chunkIndex: 1, status: "failed", txHash: null, failure: { kind: "nonce_taken", nonce: 42 } },
    ],
    explorerTxUrl: "https://basescan.org/tx/{hash}",
    approvers: { required: 3, possible: 1, paid: 2 },
    policy: null,
    ...extra,
  } as unknown as ProposalOverview;
}

const agreement = {
  items: 48,
  jurors: 7,
  reviews: 96,
  overall: { spearman: 0.61, meanDifference: 1.25 },
  criteria: [],
};
const rescoring = { method: "llm_not_rerun", epochs: [3, 4, 5], active: agreement, candidate: agreement };
const policyFacts = {
  baseVersion: 4,
  diff: [
    { field: "weight", criterion: "impact", from: 0.35, to: 0.5 },
    { field: "maxPerContribution", from: big(100000n), to: big(50000n) },
    { field: "model", from: "gpt-4o-mini", to: "gpt-4o" },
    { field: "promptVersion", from: "v3", to: "v4" },
    { field: "categoryCriteria", categories: ["code", "docs", "design", "research", "community", "ops", "other"] },
  ],
  rescoring,
  adoptedVersion: null,
  effectiveFromEpoch: null,
};

/** Each view of the area, rendered as the message or form Discord receives. */
function views(t: Translator): [string, unknown][] {
  const draft = {
    title,
    summary: long.slice(0, 1000),
    motivation: long,
    specification: long,
    budget: { amount: "1234567.5", recipient: address(1) },
    risks: long,
    successMetrics: long,
  };
  const basic = overview({});
  const open = { id: 123456, choices: Array.from({ length: 10 }, (_, i) => `${"Option ".repeat(6)}${i}`) };
  return [
    ["draft", proposalDraftView(t, 123456, draft, "llm", "STEW")],
    ["draft (template)", proposalDraftView(t, 123456, { ...draft, budget: null }, "template", "STEW")],
    ["edit modal", proposalEditModal(t, 123456, draft)],
    ["open basic proposal", proposalMessage(t, basic, token)],
    ["draft proposal", proposalMessage(t, overview({ status: "draft", votingType: null, endsAt: null }), token)],
    [
      "funding proposal",
      proposalMessage(
        t,
        overview({ kind: "funding", batch: null, budgetAmount: big(750n), budgetRecipient: address(3) }),
        token,
      ),
    ],
    ["policy proposal", proposalMessage(t, overview({ kind: "policy", batch: null }, { policy: policyFacts }), token)],
    ...(["single_choice", "approval", "ranked_choice", "weighted", "quadratic"] as const).map(
      (votingType): [string, unknown] => [
        `${votingType} proposal`,
        proposalMessage(t, overview({ votingType, choices: open.choices, kind: "general", batch: null }), token),
      ],
    ),
    ["rank select", { components: [{ type: 1, components: [rankSelect(t, open, [1, 2, 3])] }] }],
    ["points select", { components: [{ type: 1, components: [pointsSelect(t, open, [1, 2])] }] }],
    ...(["awaiting_approval", "vetoed", "settling", "settled", "failed", "rejected", "expired"] as const).map(
      (status): [string, unknown] => [`result ${status}`, resultMessage(t, overview({ status }), token)],
    ),
    [
      "policy result",
      resultMessage(
        t,
        overview(
          { kind: "policy", status: "passed", batch: null },
          { policy: { ...policyFacts, adoptedVersion: 5, effectiveFromEpoch: 7 } },
        ),
        token,
      ),
    ],
    ["reject modal", rejectPayoutModal(t, 123456)],
    ["epoch status", { embeds: [epochStatusEmbed(t, epochStatus() as never, token)] }],
    [
      "epoch status (first)",
      {
        embeds: [
          epochStatusEmbed(t, { ...epochStatus(), epoch: { ...epochStatus().epoch, number: 1 } } as never, token),
        ],
      },
    ],
    [
      "epoch closed",
      {
        content: epochClosedText(t, closedEpoch(true) as never, { state: "posted", channel: "<#1234567890123456789>" }),
      },
    ],
    [
      "epoch closed (draft)",
      { content: epochClosedText(t, closedEpoch(false) as never, { state: "queued", channel: "<#1>", ahead: 3 }) },
    ],
    [
      "epoch closed (nothing)",
      { content: epochClosedText(t, { ...closedEpoch(false), proposal: null, carried: [1, 2, 3] } as never) },
    ],
    ["policy show", policyStatusView(t, policyStatus(), token)],
    [
      "policy proposed",
      { content: policyProposedText(t, { proposal: { id: 123456 }, ...policyFacts } as never, token) },
    ],
    ["quorum", { content: quorumText(t, quorum) }],
    ["vote", { content: describeVote(t, { votingType: "weighted", choices: open.choices }, { 1: 3, 2: 7, 10: 10 }) }],
  ];
}

function epochStatus() {
  return {
    epoch: { number: 12, budget: big(1_000_000n), startsAt: new Date("2026-11-01T00:00:00Z") },
    submitted: 1234,
    evaluated: 5678,
    underAppeal: 12,
    suggestedTotal: 10n ** 23n,
    awaitingReview: Array.from({ length: 75 }, (_, i) => 100000 + i),
    jury: { ...agreement, sampled: 60 },
    minAgreement: 0.7,
    compute: { budget: 10n ** 23n, online: 17, total: 10n ** 22n, providers: 9, nodes: 23, leases: 4 },
  };
}

function closedEpoch(opened: boolean) {
  return {
    epoch: { number: 12 },
    next: { number: 13 },
    carried: [],
    batch: Array.from({ length: 250 }, () => ({})),
    proposal: { id: 123456, endsAt: ends, batchHash: `0x${"ab".repeat(32)}` },
    opened,
    notOpenedBecause: opened ? null : "electorate_unavailable",
  };
}

function policyStatus() {
  return {
    epochNumber: 12,
    active: {
      version: 4,
      content: {
        rubric: {
          criteria: [
            { name: "impact", weight: 0.4 },
            { name: "effort", weight: 0.3 },
            { name: "quality", weight: 0.3 },
          ],
        },
        caps: { maxPerContribution: big(100000n) },
        evaluator: { kind: "llm", model: "gpt-4o-mini", promptVersion: "v3" },
      },
      adoptedBy: { proposalId: 123, effectiveFromEpoch: 10 },
    },
    upcoming: [{ proposalId: 124, version: 5, effectiveFromEpoch: 13 }],
    pending: [
      { proposalId: 125, status: "open", endsAt: ends },
      { proposalId: 126, status: "draft", endsAt: null },
    ],
    versions: Array.from({ length: 10 }, (_, i) => ({
      version: i + 1,
      evaluations: 1000 + i,
      jury: i % 2 ? { ...agreement } : null,
    })),
    configDiffers: policyFacts.diff,
  } as never;
}

describe("the governance views", () => {
  it.each(LOCALES)("fit Discord's limits in %s", (locale) => {
    const t = translator(locale);
    const problems = views(t).flatMap(([name, payload]) => discordLimitProblems(payload).map((p) => `${name}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("speak Chinese and Spanish, with For / Against / Abstain in the reader's words", () => {
    const zh = translator("zh-CN");
    const es = translator("es-ES");
    const zhPost = JSON.stringify(proposalMessage(zh, overview({}), token));
    expect(zhPost).toMatch(HAN);
    expect(zhPost).toContain("实时计票");
    expect(zhPost).toContain('"label":"赞成"');
    const esResult = resultMessage(es, overview({ status: "awaiting_approval" }), token);
    expect(esResult.embeds[0]?.title).toBe(
      "Propuesta n.º 123456 · Aprobada · pendiente de la aprobación de un moderador",
    );
    expect(esResult.embeds[0]?.fields?.[0]?.value).toContain("**A favor** — 1000 (71.3%)");
    expect(JSON.stringify(esResult.components)).toContain("Aprobar el pago");
    expect(epochClosedText(es, closedEpoch(true) as never, { state: "posted", channel: "<#1>" })).toMatch(
      /^La época 12 está cerrada; la época 13 está abierta\. La propuesta de reparto n\.º 123456 \(250 pagos,/,
    );
    expect(quorumText(zh, quorum)).toBe("需要3,805名活跃成员所持3805权重中的380.5（10%）");
  });

  it("write token amounts for the language, English as it always was", () => {
    const post = (t: Translator) =>
      proposalMessage(
        t,
        overview({ kind: "funding", batch: null, budgetAmount: big(1_234_567n), budgetRecipient: address(3) }),
        token,
      ).embeds[0]?.fields?.find((f) => f.value.includes("STEW"))?.value;
    expect(post(translator("en"))).toMatch(/^1234567\.000000000123456789 STEW to `0x/);
    expect(post(translator("es-ES"))).toMatch(/^1\.234\.567,000000000123456789 STEW para `0x/);
    expect(post(translator("zh-CN"))).toMatch(/^1,234,567\.000000000123456789 STEW，支付给`0x/);
  });
});

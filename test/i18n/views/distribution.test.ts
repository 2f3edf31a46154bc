import { describe, expect, it } from "vitest";
import { tokenAmountText } from "../../../src/base/token.ts";
import { distributionWords, proposalTitleIn } from "../../../src/discord/views/distributionWords.ts";
import { proposalMessage } from "../../../src/discord/views/proposalMessageView.ts";
import { LOCALES } from "../../../src/i18n/locales.ts";
import { translator } from "../../../src/i18n/translator.ts";
import { distributionFactsJson } from "../../../src/services/epochs/closing/distributionFactsJson.ts";
import {
  type DistributionFigures,
  distributionProposalText,
} from "../../../src/services/epochs/closing/distributionProposalText.ts";
import type { ProposalOverview } from "../../../src/services/proposals/proposalOverview.ts";
import { discordLimitProblems } from "../../helpers/discordLimits.ts";

// A distribution proposal's figures worded in every language: through Discord's limits when large, and in English
// exactly as the text the close stores (the record other code reads, and what English guilds always saw).

const token = { symbol: "STEW", decimals: 18 };
const units = (whole: bigint, fraction = 0n) => whole * 10n ** 18n + fraction;
const HAN = /\p{Script=Han}/u;

/** A large close: floors of every kind, compute, a jury below the minimum, mentors paid and refused, lists left. */
function large(policy: "hold" | "jury" = "hold"): DistributionFigures {
  const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  return {
    epochNumber: 128,
    budget: units(1_000_000n),
    computeBudget: units(250_000n),
    total: units(1_734_567n, 5n * 10n ** 17n),
    scaled: true,
    floors: [
      {
        category: "docs",
        shareBps: 1500,
        floor: units(150_000n),
        requested: units(90_000n),
        reserved: units(90_000n),
        contributions: 1,
      },
      {
        category: "design",
        shareBps: 1250,
        floor: units(125_000n),
        requested: units(400_000n),
        reserved: units(125_000n),
        contributions: 17,
      },
      { category: "research", shareBps: 500, floor: units(50_000n), requested: 0n, reserved: 0n, contributions: 0 },
      {
        category: "community",
        shareBps: 725,
        floor: units(72_500n),
        requested: units(200_000n),
        reserved: units(72_500n),
        contributions: 1,
      },
    ],
    paid: units(1_000_000n),
    recipients: 57,
    paidContributions: 211,
    computeTotal: units(249_999n, 999n),
    computeRewards: ids(1, 12).map((n) => ({
      nodeId: n,
      kind: n % 3 === 0 ? ("lease" as const) : ("uptime" as const),
      key: `k${n}`,
      leaseId: n % 3 === 0 ? 900 + n : null,
      amount: units(BigInt(n) * 1234n, 5n),
      coveredMs: 1,
      weight: null,
    })),
    walletless: 4,
    carriedTotal: units(12_345n, 6n * 10n ** 17n),
    appealed: new Set(ids(5000, 15)),
    held: new Set(ids(6000, 15)),
    jury: {
      reviewIds: ids(1, 96),
      total: units(960n),
      jurors: 7,
      agreement: {
        items: 48,
        jurors: 7,
        reviews: 96,
        sampled: 50,
        overall: { criterion: null, spearman: 0.41, meanDifference: 2.25 },
        criteria: [],
      },
      minAgreement: 0.6,
      calibration: {
        policy,
        spearman: 0.41,
        minAgreement: 0.6,
        held: ids(7000, 6).map((id) => ({
          contributionId: id,
          evaluationId: id,
          modelTotal: 82,
          juryTotal: 40,
          modelReward: units(820n),
          juryReward: units(400n),
        })),
        juryPaid: ids(8000, 6).map((id) => ({
          contributionId: id,
          evaluationId: id,
          modelTotal: 82,
          juryTotal: 40,
          modelReward: units(820n),
          juryReward: units(400n),
        })),
      },
    },
    mentors: {
      shareBps: 1000,
      paid: ids(9000, 5).map((id) => ({
        contributionId: id,
        mentor: `80000000000000${id}`,
        newcomer: `70000000000000${id}`,
        amount: units(12n, 5n * 10n ** 17n),
      })),
      refused: ids(9100, 3).map((id) => ({ contributionId: id, reason: "shared_wallet" as const })),
    },
  };
}

/** A small close within budget: no floors' effect, no compute, no jury figures, nothing left. */
const small: DistributionFigures = {
  epochNumber: 1,
  budget: units(100n),
  computeBudget: 0n,
  total: units(60n),
  scaled: false,
  floors: [
    { category: "docs", shareBps: 6000, floor: units(60n), requested: units(10n), reserved: 0n, contributions: 1 },
  ],
  paid: units(60n),
  recipients: 1,
  paidContributions: 1,
  computeTotal: 0n,
  computeRewards: [],
  walletless: 0,
  carriedTotal: 0n,
  appealed: new Set(),
  held: new Set([3]),
  jury: { reviewIds: [], total: 0n, jurors: 0, agreement: null, minAgreement: 0.6, calibration: null },
  mentors: { shareBps: 1000, paid: [], refused: [] },
};

function overview(f: DistributionFigures): ProposalOverview {
  const stored = distributionProposalText(f, (u) => tokenAmountText(u, token));
  return {
    proposal: {
      id: 4321,
      ...stored,
      status: "draft",
      kind: "distribution",
      authorDiscordId: "system:epoch-close",
      batch: [],
      batchHash: null,
      budgetAmount: null,
      budgetRecipient: null,
      votingType: null,
      choices: [],
      endsAt: null,
    },
    publicAddress: {},
    result: null,
    anchor: null,
    carried: [],
    approvals: [],
    payouts: [],
    approvers: null,
    policy: null,
    distribution: distributionFactsJson(f),
  } as unknown as ProposalOverview;
}

describe("a distribution proposal's figures in words", () => {
  it.each([
    ["large, hold policy", large("hold")],
    ["large, jury policy", large("jury")],
    ["small", small],
  ])("read in English exactly as the stored text (%s)", (_, f) => {
    const stored = distributionProposalText(f, (u) => tokenAmountText(u, token));
    const worded = distributionWords(translator("en"), distributionFactsJson(f), token);
    expect(worded).toEqual({ title: stored.title, summary: stored.summary, specification: stored.specification });
  });

  it.each(LOCALES)("fit Discord's limits in %s, every line worded, mentions kept as markup", (locale) => {
    const t = translator(locale);
    for (const f of [large("hold"), large("jury"), small]) {
      const view = proposalMessage(t, overview(f), token);
      expect(discordLimitProblems(view)).toEqual([]);
    }
    const words = distributionWords(t, distributionFactsJson(large("hold")), token);
    const lines = words.specification.split("\n");
    // budget, floors, compute, jury agreement, policy, jurors, mentors, refused mentors, appeals, held
    expect(lines).toHaveLength(10);
    expect(words.specification).toContain("<@800000000000009000>");
    expect(words.specification).toContain("<@700000000000009004>");
    expect(words.specification).toContain("#5014");
    expect(words.specification).toContain("#6014");
    expect(words.specification).toContain("#9102");
    expect(words.specification).toContain("#7005");
    if (locale === "zh-CN") {
      for (const line of [words.title, words.summary, ...lines]) expect(line).toMatch(HAN);
      expect(words.summary).toContain("1,000,000 STEW");
      expect(words.specification).toContain("设计");
    }
    if (locale === "es-ES") {
      expect(words.title).toBe("Reparto de recompensas de la época 128");
      expect(words.summary).toContain("57 miembros");
      expect(words.summary).toContain("1.000.000 STEW");
      expect(words.specification).toContain("Pendientes para la siguiente época (apelaciones abiertas): #5000, #5001");
      expect(words.specification).not.toMatch(/Budget:|Left for|Jurors:|Mentors:|Policy \(/);
    }
  });

  it("shows the stored text of a distribution without figures (closed before they were stored)", () => {
    const o = overview(small);
    const view = proposalMessage(translator("zh-CN"), { ...o, distribution: null }, token);
    expect(view.embeds[0]?.description).toContain("Pays");
    const worded = proposalMessage(translator("zh-CN"), o, token);
    expect(worded.embeds[0]?.description).not.toContain("Pays");
    expect(worded.embeds[0]?.title).toContain("第 1 纪元奖励分配");
    // The close's explainer replaces the summary with an English account: English readers keep it, others do not.
    const explained = { ...o, proposal: { ...o.proposal, summary: "Epoch 1 pays 60 STEW to 1 member." } };
    expect(proposalMessage(translator("en"), explained, token).embeds[0]?.description).toContain("Epoch 1 pays");
    expect(proposalMessage(translator("es-ES"), explained, token).embeds[0]?.description).toMatch(/^Paga 60 STEW/);
  });

  it("title results, receipts and /payout status in the reader's language when the figures are stored", () => {
    const row = { id: 9, title: "Epoch 128 reward distribution", distributionFacts: distributionFactsJson(large()) };
    expect(proposalTitleIn(translator("zh-CN"), row)).toBe("第 128 纪元奖励分配");
    expect(proposalTitleIn(translator("es-ES"), row)).toBe("Reparto de recompensas de la época 128");
    expect(proposalTitleIn(translator("en"), row)).toBe(row.title);
    expect(proposalTitleIn(translator("zh-CN"), { ...row, distributionFacts: null })).toBe(row.title);
    expect(proposalTitleIn(translator("zh-CN"), { id: 3, title: "Fund the docs sprint" })).toBe("Fund the docs sprint");
  });
});

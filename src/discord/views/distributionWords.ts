import type { DistributionFacts } from "../../base/distributionFacts.ts";
import type { Token } from "../../base/token.ts";
import { readDistributionFacts } from "../../db/json/distributionFacts.ts";
import type { Translator } from "../../i18n/translator.ts";
import { percentOf } from "./budgetViews.ts";
import { categoryName } from "./categoryName.ts";
import { juryAgreementLine } from "./epochViews.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";

/**
 * A distribution proposal's title, summary and "how it was computed" in the reader's language, worded from the
 * figures stored at the close. In English it reads as the text stored on the proposal (distributionProposalText.ts).
 */
export function distributionWords(t: Translator, f: DistributionFacts, token: Token) {
  const tokens = (units: string) => tokenAmountIn(t, units, token);
  const refs = (ids: readonly number[]) =>
    t.list(
      ids.map((id) => `#${id}`),
      "conjunction",
      "narrow",
    );
  const hasCompute = BigInt(f.computeTotal) > 0n;
  const jury = f.jury;
  return {
    title: t.t("distribution.title", { epoch: f.epochNumber }),
    summary: t.t("distribution.summary", {
      paid: tokens(f.paid),
      recipients: f.recipients,
      contributions: f.paidContributions,
      hasCompute,
      compute: tokens(f.computeTotal),
      rewards: f.computeRewards.length,
      epoch: f.epochNumber,
      scaled: f.scaled,
      total: tokens(f.total),
      budget: tokens(f.budget),
      hasWalletless: f.walletless > 0,
      walletless: f.walletless,
      carried: tokens(f.carriedTotal),
    }),
    specification: [
      t.t("distribution.budget", { budget: tokens(f.budget), total: tokens(f.total), scaled: f.scaled }),
      ...(f.floors.length > 0 ? [floorsLine(t, f, tokens)] : []),
      ...(hasCompute
        ? [
            t.t("distribution.compute", {
              budget: tokens(f.computeBudget),
              rewards: t.list(
                f.computeRewards.map((r) =>
                  r.kind === "lease"
                    ? t.t("distribution.compute.lease", { id: String(r.leaseId), amount: tokens(r.amount) })
                    : t.t("distribution.compute.uptime", { id: String(r.nodeId), amount: tokens(r.amount) }),
                ),
                "conjunction",
                "narrow",
              ),
            }),
          ]
        : []),
      ...(jury?.agreement
        ? [
            juryAgreementLine(
              t,
              {
                ...jury.agreement,
                overall: { spearman: jury.agreement.spearman, meanDifference: jury.agreement.meanDifference },
              },
              jury.minAgreement,
            ),
          ]
        : []),
      ...(jury?.calibration ? [policyLine(t, jury.calibration, tokens)] : []),
      ...(jury && jury.reviews > 0
        ? [t.t("distribution.jurors", { total: tokens(jury.total), reviews: jury.reviews, jurors: jury.jurors })]
        : []),
      ...(f.mentors ? mentorLines(t, f.mentors, tokens, refs) : []),
      ...(f.appealed.length > 0 ? [t.t("distribution.appealed", { ids: refs(f.appealed) })] : []),
      ...(f.held.length > 0 ? [t.t("distribution.held", { ids: refs(f.held) })] : []),
    ].join("\n"),
  };
}

type Words = (units: string) => string;

function floorsLine(t: Translator, f: DistributionFacts, tokens: Words): string {
  const parts = f.floors.map((x) => {
    const category = categoryName(t, x.category);
    const share = percentOf(t, x.shareBps);
    if (BigInt(x.requested) === 0n) return t.t("distribution.floor.noWork", { category, share });
    if (!f.scaled) return t.t("distribution.floor.notNeeded", { category, share });
    if (BigInt(x.requested) <= BigInt(x.floor))
      return t.t("distribution.floor.inFull", {
        category,
        share,
        floor: tokens(x.floor),
        count: x.contributions,
        requested: tokens(x.requested),
      });
    return t.t("distribution.floor.first", { category, share, reserved: tokens(x.reserved), count: x.contributions });
  });
  return t.t("distribution.floors", { floors: parts.join(t.t("distribution.floors.separator")) });
}

function policyLine(
  t: Translator,
  c: NonNullable<NonNullable<DistributionFacts["jury"]>["calibration"]>,
  tokens: Words,
) {
  const items = (list: string[]) => t.list(list, "conjunction", "narrow");
  if (c.policy === "hold") {
    return c.held.length === 0
      ? t.t("distribution.policy.holdNone")
      : t.t("distribution.policy.held", {
          items: items(
            c.held.map((h) =>
              t.t("distribution.policy.heldItem", {
                id: String(h.contributionId),
                model: h.modelTotal,
                jury: h.juryTotal,
              }),
            ),
          ),
        });
  }
  return c.juryPaid.length === 0
    ? t.t("distribution.policy.juryNone")
    : t.t("distribution.policy.juryPaid", {
        items: items(
          c.juryPaid.map((j) =>
            t.t("distribution.policy.juryItem", {
              id: String(j.contributionId),
              juryReward: tokens(j.juryReward),
              jury: j.juryTotal,
              model: j.modelTotal,
              modelReward: tokens(j.modelReward),
            }),
          ),
        ),
      });
}

function mentorLines(
  t: Translator,
  m: NonNullable<DistributionFacts["mentors"]>,
  tokens: Words,
  refs: (ids: readonly number[]) => string,
): string[] {
  return [
    ...(m.paid.length > 0
      ? [
          t.t("distribution.mentors", {
            share: percentOf(t, m.shareBps),
            shares: t.list(
              m.paid.map((p) =>
                t.t("distribution.mentorShare", {
                  amount: tokens(p.amount),
                  mentor: p.mentor,
                  newcomer: p.newcomer,
                  id: String(p.contributionId),
                }),
              ),
              "conjunction",
              "narrow",
            ),
          }),
        ]
      : []),
    ...(m.refused.length > 0
      ? [t.t("distribution.mentorsRefused", { ids: refs(m.refused.map((r) => r.contributionId)) })]
      : []),
  ];
}

/**
 * A proposal's title in the reader's language: a distribution's from its stored figures (its stored title is the
 * English record); any other proposal's as its author wrote it.
 */
export function proposalTitleIn(t: Translator, p: { id: number; title: string; distributionFacts?: unknown }): string {
  const facts =
    p.distributionFacts === undefined
      ? null
      : readDistributionFacts({ id: p.id, distributionFacts: p.distributionFacts });
  return facts ? t.t("distribution.title", { epoch: facts.epochNumber }) : p.title;
}

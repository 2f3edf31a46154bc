import type { APIEmbed } from "discord-api-types/v10";
import type { Token } from "../../base/token.ts";
import { toUnits } from "../../db/decimalUnits.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { Agreement } from "../../services/calibration/agreement.ts";
import type { closeEpochForVote } from "../../services/epochs/closeEpochForVote.ts";
import type { epochStatus } from "../../services/epochs/epochStatus.ts";
import { type PostWait, postNote } from "./postNotes.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";

type EpochStatus = Awaited<ReturnType<typeof epochStatus>>;
type ClosedEpoch = Awaited<ReturnType<typeof closeEpochForVote>>;

/** `/epoch status`: where the open epoch stands, and what waits for a moderator. */
export function epochStatusEmbed(t: Translator, s: EpochStatus, token: Token): APIEmbed {
  const budget = toUnits(s.epoch.budget);
  const left = budget > s.suggestedTotal ? budget - s.suggestedTotal : 0n;
  const waiting = s.awaitingReview;
  const c = s.compute;
  return {
    title: t.t("epoch.status.embedTitle", { number: s.epoch.number }),
    color: 0x5865f2,
    fields: [
      // The first epoch opens on first use, after work may already have been submitted: it covers all of it.
      s.epoch.number === 1
        ? { name: t.t("epoch.status.covers.fieldName"), value: t.t("epoch.status.coversEverything"), inline: true }
        : {
            name: t.t("epoch.status.started.fieldName"),
            value: `<t:${Math.floor(s.epoch.startsAt.getTime() / 1000)}:f>`,
            inline: true,
          },
      { name: t.t("epoch.status.budget.fieldName"), value: tokenAmountIn(t, budget, token), inline: true },
      { name: t.t("epoch.status.budgetLeft.fieldName"), value: tokenAmountIn(t, left, token), inline: true },
      { name: t.t("epoch.status.submitted.fieldName"), value: String(s.submitted), inline: true },
      { name: t.t("epoch.status.evaluated.fieldName"), value: String(s.evaluated), inline: true },
      { name: t.t("epoch.status.underAppeal.fieldName"), value: String(s.underAppeal), inline: true },
      {
        name: t.t("epoch.status.flagged.fieldName"),
        value:
          waiting.length === 0
            ? t.t("epoch.status.noneFlagged")
            : t.t("epoch.status.flagged", {
                ids: waiting
                  .slice(0, 40)
                  .map((id) => `#${id}`)
                  .join(", "),
                hasMore: waiting.length > 40,
                more: waiting.length - 40,
              }),
        inline: false,
      },
      {
        name: t.t("epoch.status.compute.fieldName"),
        value:
          c.total === 0n
            ? t.t("epoch.status.computeNothing", { online: c.online, budget: tokenAmountIn(t, c.budget, token) })
            : t.t("epoch.status.computeShared", {
                total: tokenAmountIn(t, c.total, token),
                providers: c.providers,
                nodes: c.nodes,
                budget: tokenAmountIn(t, c.budget, token),
                hasLeases: c.leases > 0,
                leases: c.leases,
                online: c.online,
              }),
        inline: false,
      },
      ...(s.jury
        ? [
            {
              name: t.t("epoch.status.jury.fieldName"),
              value: juryAgreementLine(t, s.jury, s.minAgreement),
              inline: false,
            },
          ]
        : []),
    ],
  };
}

/**
 * The jury's agreement so far in the reader's words (the distribution proposal stores the same line in English,
 * `juryAgreementText`): "Jury agreement: 0.82 (Spearman, 6 item(s), 2 juror(s)); mean difference 0.6 points."
 */
export function juryAgreementLine(
  t: Translator,
  a: Pick<Agreement, "items" | "jurors" | "reviews"> & {
    sampled: number;
    overall: Pick<Agreement["overall"], "spearman" | "meanDifference">;
  },
  minAgreement: number,
): string {
  if (a.reviews === 0) return t.t("epoch.jury.noneReviewed", { sampled: a.sampled });
  const size = t.t("epoch.jury.size", { items: a.items, jurors: a.jurors });
  const difference = a.overall.meanDifference;
  const diff = { hasDiff: difference !== null, difference: difference?.toFixed(1) ?? "" };
  const rho = a.overall.spearman;
  const head =
    rho === null
      ? t.t("epoch.jury.notMeasurable", { size, ...diff })
      : t.t("epoch.jury.agreement", { rho: rho.toFixed(2), size, ...diff });
  return rho !== null && rho < minAgreement
    ? `${head} ${t.t("epoch.jury.belowMinimum", { minimum: minAgreement.toFixed(2) })}`
    : head;
}

/** What the moderator who closed an epoch is told. */
export function epochClosedText(t: Translator, result: ClosedEpoch, posted?: PostWait): string {
  const closed = t.t("epoch.closed.closed", { number: result.epoch.number, next: result.next.number });
  const p = result.proposal;
  if (!p) {
    const carried = result.carried.length;
    return carried > 0
      ? t.t("epoch.closed.nothingToPayCarried", { closed, count: carried })
      : t.t("epoch.closed.nothingToPay", { closed });
  }
  const why =
    result.notOpenedBecause === "electorate_unavailable"
      ? t.t("epoch.closed.electorateUnavailable")
      : t.t("epoch.closed.notOpened", { reason: result.notOpenedBecause ?? t.t("epoch.closed.unknownReason") });
  const vote =
    result.opened && p.endsAt
      ? t.t("epoch.closed.votingOpen", { until: `<t:${Math.floor(p.endsAt.getTime() / 1000)}:f>` })
      : t.t("epoch.closed.staysDraft", { why });
  return t.t("epoch.closed.proposal", {
    closed,
    id: p.id,
    count: result.batch.length,
    payouts: String(result.batch.length),
    batch: p.batchHash ?? "null",
    where: posted?.state === "posted" ? "posted" : "saved",
    channel: posted?.channel ?? "",
    note: posted && posted.state !== "posted" ? postNote(t, posted) : "",
    vote,
  });
}

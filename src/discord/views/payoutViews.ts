import type { HeldLineProblemRecord } from "../../base/heldLineProblem.ts";
import { heldLineProblemText } from "../../base/heldLineProblemText.ts";
import { payoutFailureText } from "../../base/payoutFailureText.ts";
import { payoutStuckText } from "../../base/payoutStuckText.ts";
import type { Token } from "../../base/token.ts";
import { LOCALES } from "../../i18n/locales.ts";
import { type Translator, translator } from "../../i18n/translator.ts";
import type { PayoutReceipt } from "../../services/settlement/payoutReceipt.ts";
import { proposalTitleIn } from "./distributionWords.ts";
import { txLink } from "./resultViews.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";
import { userLine } from "./userText.ts";

const MAX_LINES = 40;

/** How a receipt's content starts, up to its title: one proposal's receipt and no other's. */
const receiptStart = (t: Translator, id: number) =>
  t.t("payout.receipt.content", { id, title: "\u0000" }).split("\u0000")[0] ?? "";

/**
 * Whether a message is the receipt of this proposal, in any language (the guild's may have changed since it was
 * posted): a repeat after a crash finds it instead of posting a second one.
 */
export const isReceiptOf = (content: string, id: number) =>
  LOCALES.some((locale) => content.startsWith(receiptStart(translator(locale), id)));

/**
 * The receipt in the payouts channel: total, each recipient (by mention when a member linked the wallet) with the
 * amount, and the transactions. Mentions are limited to exactly the members paid.
 */
export function receiptMessage(t: Translator, r: PayoutReceipt, token: Token) {
  const p = r.proposal;
  const shown = r.lines.slice(0, MAX_LINES).map((l) => {
    const who = l.discordId ? `<@${l.discordId}>` : `\`${l.recipient}\``;
    const amount = tokenAmountIn(t, l.amount, token);
    return l.heldLineId === null
      ? `${who} · ${amount}`
      : t.t("payout.receipt.lineHeld", { who, amount, line: l.heldLineId });
  });
  const heldLines = r.lines.filter((l) => l.heldLineId !== null);
  const heldTotal = heldLines.reduce((n, l) => n + BigInt(l.amount), 0n);
  if (r.lines.length > MAX_LINES)
    shown.push(t.t("payout.receipt.more", { count: r.lines.length - MAX_LINES, id: p.id }));
  const txs = r.transactions.map((x) =>
    x.txHash ? txLink(x.txHash, r.explorerTxUrl) : t.t("payout.receipt.unknownTransaction"),
  );
  const users = [...new Set(r.lines.slice(0, MAX_LINES).flatMap((l) => (l.discordId ? [l.discordId] : [])))];
  const total = { amount: tokenAmountIn(t, r.total, token), count: r.lines.length };
  return {
    // Mentions notify only from the content, never from an embed.
    content: `${t.t("payout.receipt.content", { id: p.id, title: userLine(proposalTitleIn(t, p), 200) })}${users.length > 0 ? ` ${users.map((u) => `<@${u}>`).join(" ")}` : ""}`,
    embeds: [
      {
        title: t.t("payout.receipt.embedTitle", { id: p.id }),
        description: shown.join("\n").slice(0, 4096),
        color: 0x57f287,
        fields: [
          {
            name: t.t("payout.receipt.total.fieldName"),
            value:
              heldLines.length > 0
                ? t.t("payout.receipt.totalWithHeld", {
                    ...total,
                    heldAmount: tokenAmountIn(t, heldTotal, token),
                    heldCount: heldLines.length,
                  })
                : t.t("payout.receipt.total", total),
            inline: true,
          },
          {
            name: t.t("payout.receipt.transactions.fieldName", { count: txs.length }),
            value: txs.join("\n").slice(0, 1024),
          },
          { name: t.t("payout.receipt.batch.fieldName"), value: `\`${p.batchHash}\`` },
        ],
      },
    ],
    allowedMentions: { parse: [], users },
  };
}

type Status = Awaited<ReturnType<typeof import("../../services/settlement/payoutStatus.ts").payoutStatus>>;
type History = Awaited<ReturnType<typeof import("../../services/settlement/payoutStatus.ts").payoutHistory>>;

/** `/payout status`: the proposal's payout chunk by chunk. */
export function payoutStatusView(t: Translator, s: Status, token: Token): string {
  const p = s.proposal;
  const head = t.t("payout.status.head", { id: p.id, title: userLine(proposalTitleIn(t, p)), status: p.status });
  if (s.chunks.length === 0) {
    if (p.status === "approved")
      return t.t(s.chainConfigured ? "payout.status.waitsForSettle" : "payout.status.waitsForChain", { head });
    if (p.status === "failed")
      return t.t("payout.status.notPaid", {
        head,
        reason: p.settlementError ?? t.t("payout.status.settlementRefused"),
      });
    return t.t("payout.status.nothingPaid", { head });
  }
  const lines = s.chunks.map((c) => {
    const tx = c.txHash ? ` · ${txLink(c.txHash, s.explorerTxUrl)}` : "";
    const conf =
      c.confirmations !== null && s.confirmationsRequired !== null
        ? t.t("payout.status.confirmations", { confirmations: c.confirmations, required: s.confirmationsRequired })
        : "";
    const why = c.failure
      ? ` — ${payoutFailureText(c.failure, t)}`
      : c.stuck
        ? t.t("payout.status.stuck", { reason: payoutStuckText(c.stuck, t) })
        : "";
    const held = c.held.map((h) => `  ↳ ${heldLineText(t, h, token)}`);
    return [
      t.t("payout.status.chunk", {
        index: c.index + 1,
        count: c.count,
        lines: c.lines,
        amount: tokenAmountIn(t, c.total, token),
        step: t.t("payout.status.step", { status: c.status }),
        details: `${conf}${tx}${why}`,
      }),
      ...held,
    ].join("\n");
  });
  const retry = s.chunks.some((c) => c.status === "failed") ? `\n${t.t("payout.status.retry", { id: p.id })}` : "";
  return `${head}\n${lines.join("\n")}${retry}`.slice(0, 2000);
}

/** One held line: its number, whose, how much, and where it is (with the command that moves it). */
export function heldLineText(
  t: Translator,
  h: {
    id: number;
    line?: number;
    recipient: string;
    amount: string;
    status: string;
    paidTo: string | null;
    problem?: HeldLineProblemRecord | null;
  },
  token: Token,
): string {
  const state = t.t("payout.held.state", { status: h.status });
  const where =
    h.status === "claimed" || h.status === "redirected"
      ? t.t("payout.held.paidTo", { state, paidTo: String(h.paidTo) })
      : h.status === "held"
        ? t.t("payout.held.claimIt", { id: h.id })
        : state;
  const values = {
    id: h.id,
    amount: tokenAmountIn(t, h.amount, token),
    recipient: h.recipient,
    where,
    problem: h.problem ? t.t("payout.held.problem", { problem: heldLineProblemText(h.problem, t) }) : "",
  };
  return h.line === undefined
    ? t.t("payout.held.line", values)
    : t.t("payout.held.lineNumbered", { ...values, line: h.line + 1 });
}

/** `/payout history`: what the member was paid. */
export function payoutHistoryView(t: Translator, h: History, token: Token): string {
  if (h.wallets === 0) return t.t("payout.history.noWallet");
  if (h.lines.length === 0) return t.t("payout.history.none");
  // A line the distributor still holds (or returned) did not reach the member.
  const reached = h.lines.filter((l) => !l.held || l.held.status === "claimed" || l.held.status === "redirected");
  const total = reached.reduce((n, l) => n + BigInt(l.amount), 0n);
  const heldText = (held: NonNullable<History["lines"][number]["held"]>) => {
    if (held.status === "held") return t.t("payout.history.held", { id: held.id });
    const state = t.t("payout.held.state", { status: held.status });
    return held.paidTo && held.status !== "returned"
      ? t.t("payout.history.heldLineTo", { id: held.id, state, paidTo: held.paidTo })
      : t.t("payout.history.heldLine", { id: held.id, state });
  };
  const rows = h.lines.slice(0, 20).map((l) => {
    const row = t.t("payout.history.row", {
      date: l.at ? `<t:${Math.floor(l.at.getTime() / 1000)}:d>` : "?",
      amount: tokenAmountIn(t, l.amount, token),
      id: l.proposalId,
      title: userLine(l.title, 60),
    });
    return `${row}${l.txHash ? ` · ${txLink(l.txHash, undefined)}` : ""}${l.held ? ` · ${heldText(l.held)}` : ""}`;
  });
  const more = h.lines.length > 20 ? `\n${t.t("payout.history.more", { count: h.lines.length - 20 })}` : "";
  const paid = { amount: tokenAmountIn(t, total, token), count: reached.length };
  const head =
    reached.length < h.lines.length
      ? t.t("payout.history.paidSomeHeld", { ...paid, held: h.lines.length - reached.length })
      : t.t("payout.history.paid", paid);
  return `${head}\n${rows.join("\n")}${more}`.slice(0, 2000);
}

/** The note beside a chunk exported for the Safe: what to do with the attached file, and what happens after. */
export function safeBatchText(
  t: Translator,
  intent: { proposalId: number; chunkIndex: number; chunkCount: number; treasury: string; batchId: string },
  moderatorRoleId: string | undefined,
): string {
  return `${moderatorRoleId ? `<@&${moderatorRoleId}> ` : ""}${t.t("payout.safeBatch", {
    id: intent.proposalId,
    index: intent.chunkIndex + 1,
    count: intent.chunkCount,
    treasury: intent.treasury,
    batchId: intent.batchId,
  })}`;
}

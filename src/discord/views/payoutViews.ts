import type { HeldLineProblemRecord } from "../../base/heldLineProblem.ts";
import { heldLineProblemText } from "../../base/heldLineProblemText.ts";
import { payoutFailureText } from "../../base/payoutFailureText.ts";
import { payoutStuckText } from "../../base/payoutStuckText.ts";
import { type Token, tokenAmountText } from "../../base/token.ts";
import type { PayoutReceipt } from "../../services/settlement/payoutReceipt.ts";
import { txLink } from "./resultViews.ts";
import { userLine } from "./userText.ts";

const MAX_LINES = 40;

/**
 * The receipt in the payouts channel: total, each recipient (by mention when a member linked the wallet) with the
 * amount, and the transactions. Mentions are limited to exactly the members paid.
 */
export function receiptMessage(r: PayoutReceipt, token: Token) {
  const p = r.proposal;
  const shown = r.lines.slice(0, MAX_LINES).map((l) => {
    const who = l.discordId ? `<@${l.discordId}>` : `\`${l.recipient}\``;
    const held =
      l.heldLineId === null
        ? ""
        : ` · **held**: the token refused the transfer; its owner claims it with \`/payout claim line:${l.heldLineId}\``;
    return `${who} · ${tokenAmountText(l.amount, token)}${held}`;
  });
  const heldLines = r.lines.filter((l) => l.heldLineId !== null);
  const heldTotal = heldLines.reduce((n, l) => n + BigInt(l.amount), 0n);
  if (r.lines.length > MAX_LINES)
    shown.push(`… and ${r.lines.length - MAX_LINES} more (see \`/payout status proposal:${p.id}\`).`);
  const txs = r.transactions.map((t) => (t.txHash ? txLink(t.txHash, r.explorerTxUrl) : "(unknown)"));
  const users = [...new Set(r.lines.slice(0, MAX_LINES).flatMap((l) => (l.discordId ? [l.discordId] : [])))];
  return {
    // Mentions notify only from the content, never from an embed.
    content: `Paid: proposal #${p.id} “${userLine(p.title, 200)}”.${users.length > 0 ? ` ${users.map((u) => `<@${u}>`).join(" ")}` : ""}`,
    embeds: [
      {
        title: `Receipt · proposal #${p.id}`,
        description: shown.join("\n").slice(0, 4096),
        color: 0x57f287,
        fields: [
          {
            name: "Total",
            value: `${tokenAmountText(r.total, token)} to ${r.lines.length} recipient(s)${heldLines.length > 0 ? `; ${tokenAmountText(heldTotal, token)} of it held for ${heldLines.length} recipient(s) whose transfer failed, until claimed` : ""}`,
            inline: true,
          },
          { name: txs.length === 1 ? "Transaction" : "Transactions", value: txs.join("\n").slice(0, 1024) },
          { name: "Batch", value: `\`${p.batchHash}\`` },
        ],
      },
    ],
    allowedMentions: { parse: [], users },
  };
}

type Status = Awaited<ReturnType<typeof import("../../services/settlement/payoutStatus.ts").payoutStatus>>;
type History = Awaited<ReturnType<typeof import("../../services/settlement/payoutStatus.ts").payoutHistory>>;

const STEP: Record<string, string> = {
  planned: "planned",
  signed: "signed, about to be sent",
  broadcast: "sent, waiting to be mined",
  mined: "mined, waiting for confirmations",
  confirmed: "paid",
  failed: "failed",
  awaiting_execution: "exported for the Safe, waiting for its execution",
};

/** `/payout status`: the proposal's payout chunk by chunk. */
export function payoutStatusView(s: Status, token: Token): string {
  const p = s.proposal;
  const head = `**Proposal #${p.id}** “${userLine(p.title)}” is ${p.status.replace("_", " ")}.`;
  if (s.chunks.length === 0) {
    const why =
      p.status === "approved"
        ? s.chainConfigured
          ? " It is approved and the settle job pays it on its next run."
          : " It is approved; no chain is set up for payouts here, so it waits."
        : p.status === "failed"
          ? ` Not paid: ${p.settlementError ?? "settlement refused"}.`
          : " Nothing has been paid for it.";
    return `${head}${why}`;
  }
  const lines = s.chunks.map((c) => {
    const tx = c.txHash ? ` · ${txLink(c.txHash, s.explorerTxUrl)}` : "";
    const conf =
      c.confirmations !== null && s.confirmationsRequired !== null
        ? ` (${c.confirmations} of ${s.confirmationsRequired} confirmations)`
        : "";
    const why = c.failure
      ? ` — ${payoutFailureText(c.failure)}`
      : c.stuck
        ? ` — stuck: ${payoutStuckText(c.stuck)}`
        : "";
    const held = c.held.map((h) => `  ↳ ${heldLineText(h, token)}`);
    return [
      `Chunk ${c.index + 1} of ${c.count}: ${c.lines} line(s), ${tokenAmountText(c.total, token)} — ${STEP[c.status] ?? c.status}${conf}${tx}${why}`,
      ...held,
    ].join("\n");
  });
  const retry = s.chunks.some((c) => c.status === "failed")
    ? `\nA moderator can pay the failed chunk(s) again once the cause is fixed: \`/payout retry proposal:${p.id}\`.`
    : "";
  return `${head}\n${lines.join("\n")}${retry}`.slice(0, 2000);
}

const HELD_STATE: Record<string, string> = {
  held: "held",
  claim_signed: "claim signed, sent at the next settle run",
  return_asked: "being returned to the treasury",
  sent: "claim or return on its way to the chain",
  claimed: "claimed",
  redirected: "redirected by the distributor's owner",
  returned: "returned to the treasury",
};

/** One held line: its number, whose, how much, and where it is (with the command that moves it). */
export function heldLineText(
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
  const where =
    h.status === "claimed" || h.status === "redirected"
      ? `${HELD_STATE[h.status]}, paid to \`${h.paidTo}\``
      : h.status === "held"
        ? `held: its owner claims it with \`/payout claim line:${h.id}\``
        : (HELD_STATE[h.status] ?? h.status);
  const problem = h.problem ? ` (last attempt: ${heldLineProblemText(h.problem)})` : "";
  return `held line #${h.id}${h.line === undefined ? "" : ` (line ${h.line + 1})`}: ${tokenAmountText(h.amount, token)} for \`${h.recipient}\` — ${where}${problem}`;
}

/** `/payout history`: what the member was paid. */
export function payoutHistoryView(h: History, token: Token): string {
  if (h.wallets === 0) return "You have no linked wallet, so nothing was paid to you. `/wallet link` links one.";
  if (h.lines.length === 0) return "Nothing has been paid to your wallet(s) yet.";
  // A line the distributor still holds (or returned) did not reach the member.
  const reached = h.lines.filter((l) => !l.held || l.held.status === "claimed" || l.held.status === "redirected");
  const total = reached.reduce((n, l) => n + BigInt(l.amount), 0n);
  const rows = h.lines
    .slice(0, 20)
    .map(
      (l) =>
        `${l.at ? `<t:${Math.floor(l.at.getTime() / 1000)}:d>` : "?"} · ${tokenAmountText(l.amount, token)} · proposal #${l.proposalId} “${userLine(l.title, 60)}”${l.txHash ? ` · ${txLink(l.txHash, undefined)}` : ""}${l.held ? ` · ${l.held.status === "held" ? `**held** (the transfer failed): claim it with \`/payout claim line:${l.held.id}\`` : `held line #${l.held.id}: ${HELD_STATE[l.held.status] ?? l.held.status}${l.held.paidTo && l.held.status !== "returned" ? ` to \`${l.held.paidTo}\`` : ""}`}` : ""}`,
    );
  const more = h.lines.length > 20 ? `\n… and ${h.lines.length - 20} earlier payout(s).` : "";
  return `You were paid ${tokenAmountText(total, token)} in ${reached.length} payout(s)${reached.length < h.lines.length ? ` (${h.lines.length - reached.length} more held or returned)` : ""}:\n${rows.join("\n")}${more}`.slice(
    0,
    2000,
  );
}

/** The note beside a chunk exported for the Safe: what to do with the attached file, and what happens after. */
export function safeBatchText(
  intent: { proposalId: number; chunkIndex: number; chunkCount: number; treasury: string; batchId: string },
  moderatorRoleId: string | undefined,
): string {
  return `${moderatorRoleId ? `<@&${moderatorRoleId}> ` : ""}Proposal #${intent.proposalId}, chunk ${intent.chunkIndex + 1} of ${intent.chunkCount}, is ready for the Safe \`${intent.treasury}\`: import the attached file in the Safe's Transaction Builder, check it, sign and execute it. Steward records the payout and posts the receipt once the distributor's Settled event for batch \`${intent.batchId}\` is on-chain; \`/payout status proposal:${intent.proposalId}\` follows it.`;
}

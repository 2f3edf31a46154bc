import type { PayoutReceipt } from "../../services/settlement/payoutReceipt.ts";
import { formatTokens, type TokenFormat } from "./evaluationViews.ts";
import { txLink } from "./resultViews.ts";

const MAX_LINES = 40;

/**
 * The receipt in the payouts channel: total, each recipient (by mention when a member linked the wallet) with the
 * amount, and the transactions. Mentions are limited to exactly the members paid.
 */
export function receiptMessage(r: PayoutReceipt, token: TokenFormat) {
  const p = r.proposal;
  const shown = r.lines.slice(0, MAX_LINES).map((l) => {
    const who = l.discordId ? `<@${l.discordId}>` : `\`${l.recipient}\``;
    return `${who} · ${formatTokens(l.amount, token)}`;
  });
  if (r.lines.length > MAX_LINES)
    shown.push(`… and ${r.lines.length - MAX_LINES} more (see \`/payout status proposal:${p.id}\`).`);
  const txs = r.transactions.map((t) => (t.txHash ? txLink(t.txHash, r.explorerTxUrl) : "(unknown)"));
  const users = [...new Set(r.lines.slice(0, MAX_LINES).flatMap((l) => (l.discordId ? [l.discordId] : [])))];
  return {
    content: `Paid: proposal #${p.id} “${p.title}”.`.slice(0, 2000),
    embeds: [
      {
        title: `Receipt · proposal #${p.id}`,
        description: shown.join("\n").slice(0, 4096),
        color: 0x57f287,
        fields: [
          { name: "Total", value: `${formatTokens(r.total, token)} to ${r.lines.length} recipient(s)`, inline: true },
          { name: txs.length === 1 ? "Transaction" : "Transactions", value: txs.join("\n").slice(0, 1024) },
          { name: "Batch", value: `\`${p.batchHash}\`` },
        ],
      },
    ],
    allowedMentions: { parse: [], users },
  };
}

import { readPayoutEntries } from "../../db/json/payoutEntries.ts";
import type { ServiceDeps } from "../deps.ts";

/** What a settled proposal's receipt shows: every line with its member (when a wallet is linked), and the transactions. */
export async function payoutReceipt(deps: Pick<ServiceDeps, "db" | "settlement">, proposalId: number) {
  const proposal = await deps.db.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    include: { payouts: { orderBy: { chunkIndex: "asc" }, include: { heldLines: true } } },
  });
  // A line the distributor held (its transfer failed) was not paid: the receipt says so, with its number to claim.
  const lines = proposal.payouts.flatMap((i) =>
    readPayoutEntries(i).map((e, n) => ({
      ...e,
      txHash: i.txHash,
      heldLineId: i.heldLines.find((h) => h.lineIndex === n)?.id ?? null,
    })),
  );
  const wallets = await deps.db.wallet.findMany({
    where: { guildId: proposal.guildId, address: { in: lines.map((l) => l.recipient) } },
    select: { address: true, member: { select: { discordId: true } } },
    orderBy: { linkedAt: "desc" },
  });
  const memberOf = new Map<string, string>();
  for (const w of wallets)
    if (!memberOf.has(w.address.toLowerCase())) memberOf.set(w.address.toLowerCase(), w.member.discordId);
  return {
    proposal,
    total: lines.reduce((n, l) => n + BigInt(l.amount), 0n),
    lines: lines.map((l) => ({ ...l, discordId: memberOf.get(l.recipient.toLowerCase()) ?? null })),
    transactions: proposal.payouts.map((i) => ({ chunk: i.chunkIndex, txHash: i.txHash, block: i.blockNumber })),
    explorerTxUrl: deps.settlement?.explorerTxUrl,
  };
}

export type PayoutReceipt = Awaited<ReturnType<typeof payoutReceipt>>;

/** The receipt's message is recorded once posted, so that no run posts it again. */
export async function recordReceiptMessage(deps: Pick<ServiceDeps, "db">, proposalId: number, messageId: string) {
  await deps.db.proposal.update({ where: { id: proposalId }, data: { receiptMessageId: messageId } });
}

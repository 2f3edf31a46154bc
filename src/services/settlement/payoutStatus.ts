import { readHeldLineProblem } from "../../db/json/heldLineProblem.ts";
import { readPayoutEntries } from "../../db/json/payoutEntries.ts";
import { readPayoutFailure } from "../../db/json/payoutFailure.ts";
import { readPayoutStuck } from "../../db/json/payoutStuck.ts";
import type { ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";

/** A proposal's payout: its chunks with their transactions, confirmations and failures. Anyone may look. */
export async function payoutStatus(deps: Pick<ServiceDeps, "db" | "settlement">, guildId: string, proposalId: number) {
  const proposal = await deps.db.proposal.findFirst({
    where: { id: proposalId, guildId },
    include: { payouts: { orderBy: { chunkIndex: "asc" }, include: { heldLines: { orderBy: { lineIndex: "asc" } } } } },
  });
  if (!proposal) throw new UserError("proposal_not_found", { id: proposalId });
  const head = proposal.payouts.some((i) => i.blockNumber !== null && i.status !== "confirmed")
    ? await deps.settlement?.chain.blockNumber().catch(() => null)
    : null;
  return {
    proposal,
    chunks: proposal.payouts.map((i) => ({
      index: i.chunkIndex,
      count: i.chunkCount,
      status: i.status,
      lines: readPayoutEntries(i).length,
      total: i.total.toFixed(),
      txHash: i.txHash,
      confirmations: i.status === "confirmed" ? null : head && i.blockNumber ? head - i.blockNumber + 1 : null,
      failure: readPayoutFailure(i),
      stuck: readPayoutStuck(i),
      held: i.heldLines.map((h) => ({
        id: h.id,
        line: h.lineIndex,
        recipient: h.recipient,
        amount: h.amount.toFixed(),
        status: h.status,
        paidTo: h.paidTo,
        problem: readHeldLineProblem(h),
      })),
    })),
    confirmationsRequired: deps.settlement?.confirmations ?? null,
    explorerTxUrl: deps.settlement?.explorerTxUrl,
    chainConfigured: Boolean(deps.settlement),
  };
}

/** What a member was paid: every confirmed line to any wallet they ever linked in this guild, newest first. */
export async function payoutHistory(deps: Pick<ServiceDeps, "db">, guildId: string, discordId: string) {
  const wallets = await deps.db.wallet.findMany({
    where: { guildId, member: { discordId } },
    select: { address: true },
  });
  const mine = new Set(wallets.map((w) => w.address.toLowerCase()));
  if (mine.size === 0) return { wallets: 0, lines: [] };
  const intents = await deps.db.payoutIntent.findMany({
    where: { status: "confirmed", proposal: { guildId } },
    orderBy: { confirmedAt: "desc" },
    include: { proposal: { select: { id: true, title: true } }, heldLines: true },
    take: 500,
  });
  const lines = intents.flatMap((i) =>
    readPayoutEntries(i)
      .map((e, n) => ({ e, held: i.heldLines.find((h) => h.lineIndex === n) ?? null }))
      .filter(({ e }) => mine.has(e.recipient.toLowerCase()))
      .map(({ e, held }) => ({
        proposalId: i.proposal.id,
        title: i.proposal.title,
        amount: e.amount,
        recipient: e.recipient,
        txHash: i.txHash,
        at: i.confirmedAt,
        /** The distributor held this line (its transfer failed): where it is now. */
        held: held ? { id: held.id, status: held.status, paidTo: held.paidTo, txHash: held.txHash } : null,
      })),
  );
  return { wallets: mine.size, lines };
}

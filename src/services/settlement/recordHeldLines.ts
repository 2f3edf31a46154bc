import type { PayoutIntent, Prisma } from "../../generated/prisma/client.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import type { HeldLineEvent } from "./settlementChain.ts";

/**
 * Records the lines the distributor held in a confirmed chunk (their transfer failed), on the transaction that
 * confirms it: once each (lineId is unique, a repeated confirmation adds nothing), and moderators are told in
 * #payouts which lines wait and how each is claimed or returned.
 */
export async function recordHeldLines(
  tx: Prisma.TransactionClient,
  intent: PayoutIntent,
  guildId: string,
  held: readonly HeldLineEvent[],
  heldAt: number,
  now: Date,
): Promise<void> {
  const created = await tx.heldLine.createManyAndReturn({
    data: held.map((h) => ({
      guildId,
      intentId: intent.id,
      proposalId: intent.proposalId,
      lineId: h.lineId,
      lineIndex: h.index,
      recipient: h.recipient,
      amount: h.amount.toString(),
      chainId: intent.chainId,
      token: intent.token,
      distributor: intent.distributor,
      treasury: intent.treasury,
      heldTx: intent.txHash as string,
      heldAt,
      createdAt: now,
    })),
    skipDuplicates: true,
  });
  if (created.length === 0) return;
  await enqueuePosts(tx, now, [
    {
      guildId,
      kind: "note",
      note: {
        channel: "payouts",
        fact: {
          kind: "lines_held",
          chunk: { proposalId: intent.proposalId, chunkIndex: intent.chunkIndex, chunkCount: intent.chunkCount },
          count: created.length,
          lines: created.slice(0, 10).map((h) => ({
            id: h.id,
            lineIndex: h.lineIndex,
            recipient: h.recipient,
            amount: h.amount.toFixed(),
          })),
        },
      },
    },
  ]);
}

import type { ServiceDeps } from "../deps.ts";

/** Long enough for the command that created a proposal to post it itself (an epoch close waits on the model). */
const GRACE_MS = 10 * 60_000;

/**
 * Claims proposals that were never posted (created by `steward job run close-epoch` from a shell, where no bot
 * posts, or whose post failed): draft or open, no message, untouched for GRACE_MS. The claim sets the channel
 * (by name) so that two processes do not both post; the post records the message.
 */
export async function claimUnpostedProposals(deps: ServiceDeps, channel: string): Promise<number[]> {
  const candidates = await deps.db.proposal.findMany({
    where: {
      messageId: null,
      channelId: null,
      status: { in: ["draft", "open"] },
      updatedAt: { lt: new Date(deps.now().getTime() - GRACE_MS) },
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const claimed: number[] = [];
  for (const { id } of candidates) {
    const won = await deps.db.proposal.updateMany({
      where: { id, messageId: null, channelId: null },
      data: { channelId: channel },
    });
    if (won.count === 1) claimed.push(id);
  }
  return claimed;
}

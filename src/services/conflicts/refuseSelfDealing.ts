import type { Prisma } from "../../generated/prisma/client.ts";
import { UserError } from "../errors.ts";

/**
 * Nobody decides money for themselves: a moderator may not override, clear, or decide an appeal on a
 * contribution they wrote, nor on one whose reward would reach a wallet they ever linked (an alt account that
 * shares an address with them counts). Every wallet ever linked counts, so unlinking first does not lift it.
 */
export async function refuseSelfDealing(
  tx: Prisma.TransactionClient,
  moderator: { guildId: string; discordId: string },
  contribution: { id: number; authorId: string },
  action: "override" | "clear" | "appeal",
) {
  const author = await tx.member.findUniqueOrThrow({ where: { id: contribution.authorId } });
  if (author.discordId === moderator.discordId) {
    throw new UserError("own_contribution", { id: contribution.id, action });
  }
  const [theirs, mine] = await Promise.all([
    tx.wallet.findMany({ where: { memberId: author.id }, select: { address: true } }),
    tx.wallet.findMany({
      where: { guildId: moderator.guildId, member: { discordId: moderator.discordId } },
      select: { address: true },
    }),
  ]);
  const mineSet = new Set(mine.map((w) => w.address.toLowerCase()));
  const shared = theirs.find((w) => mineSet.has(w.address.toLowerCase()));
  if (shared) throw new UserError("contribution_pays_you", { id: contribution.id, action, address: shared.address });
  // A mentor earns a share of their newcomer's first paid reward: deciding that reward is deciding their own.
  if (await mentored(tx, moderator, contribution.authorId)) {
    throw new UserError("mentee_contribution", { id: contribution.id, action });
  }
}

/**
 * Whether this person is or was the mentor of this author (a mentorship they accepted, open or ended): their share
 * of the newcomer's first paid reward makes every decision on the newcomer's work partly theirs.
 */
export async function mentored(
  tx: Prisma.TransactionClient,
  mentor: { guildId: string; discordId: string },
  authorId: string,
): Promise<boolean> {
  const member = await tx.member.findUnique({
    where: { guildId_discordId: { guildId: mentor.guildId, discordId: mentor.discordId } },
    select: { id: true },
  });
  if (!member) return false;
  const found = await tx.mentorship.findFirst({
    where: { newcomerId: authorId, mentorId: member.id },
    select: { id: true },
  });
  return found !== null;
}

/**
 * An evaluation can change only while its reward is not yet in a distribution: once its epoch closed, the batch
 * that members vote on (and that settlement pays) holds the amount, and a later change would make the two disagree.
 * A withdrawn contribution pays nothing and is not evaluated again.
 */
export async function refuseIfSettledOrWithdrawn(
  tx: Prisma.TransactionClient,
  contribution: { id: number; status: string; epochId: number | null },
  action: "override" | "clear" | "appeal",
) {
  if (contribution.status === "withdrawn") {
    throw new UserError("contribution_withdrawn", { id: contribution.id, action });
  }
  // An epoch close sets `final` and the epoch together: the epoch is what says the reward is in a distribution.
  if (contribution.epochId !== null) {
    const epoch = await tx.epoch.findUniqueOrThrow({ where: { id: contribution.epochId }, select: { number: true } });
    // No proposal when the close had nothing payable (every author without a wallet: carried instead).
    const proposal = await tx.proposal.findFirst({
      where: { epochId: contribution.epochId, kind: "distribution" },
      select: { id: true, status: true },
    });
    throw new UserError("contribution_in_distribution", {
      id: contribution.id,
      action,
      epoch: epoch.number,
      proposalId: proposal?.id ?? null,
      proposalStatus: proposal?.status ?? null,
    });
  }
}

/** A wallet address both people have ever linked in the guild (an alt account of the same person), or null. */
export async function sharedWallet(
  tx: Prisma.TransactionClient,
  guildId: string,
  a: { discordId: string },
  b: { discordId: string },
): Promise<string | null> {
  const [first, second] = await Promise.all(
    [a, b].map((who) =>
      tx.wallet.findMany({ where: { guildId, member: { discordId: who.discordId } }, select: { address: true } }),
    ),
  );
  const seen = new Set((first ?? []).map((w) => w.address.toLowerCase()));
  return (second ?? []).find((w) => seen.has(w.address.toLowerCase()))?.address ?? null;
}

import type { Prisma } from "../../generated/prisma/client.ts";
import { sharedWallet } from "../conflicts/refuseSelfDealing.ts";
import type { ServiceDeps } from "../deps.ts";
import type { MemberShares } from "../epochs/closing/memberShares.ts";
import { isNewcomer } from "./isNewcomer.ts";

/** What the close did for mentors, as facts the distribution's text words. */
export interface MentorFacts {
  shareBps: number;
  /** Each mentor's share: the newcomer's first paid contribution and MENTOR_SHARE of its reward (before scaling). */
  paid: { contributionId: number; mentor: string; newcomer: string; amount: bigint }[];
  /** Newcomers' first paid contributions that earn their mentor nothing: the two share a wallet (an alt). */
  refused: { contributionId: number; reason: "shared_wallet" }[];
}

/**
 * Mentors' shares join the members' shares at the close, like jurors' pay: when a newcomer has their FIRST
 * contribution paid in this distribution (reward above 0; held or appealed ones are not in `included`), the mentor
 * of the mentorship it was submitted under (ended since or not: ending it does not take back the guidance) gets
 * MENTOR_SHARE of that reward on their own line (ref `mentor:<id>`), from the epoch
 * budget and scaled with the rest when it is short. `MentorShare.newcomerId` is unique: one share per newcomer
 * ever (a released distribution deletes its rows). A mentor who shares a wallet with the newcomer gets nothing; a
 * mentor without a wallet is carried like any member.
 */
export async function addMentorShares(
  tx: Prisma.TransactionClient,
  deps: Pick<ServiceDeps, "mentorship">,
  o: { guildId: string; epochId: number; now: Date },
  included: readonly { id: number; authorId: string }[],
  rewardOf: ReadonlyMap<number | null, bigint>,
  shares: MemberShares,
): Promise<MentorFacts> {
  const facts: MentorFacts = { shareBps: deps.mentorship.shareBps, paid: [], refused: [] };
  if (deps.mentorship.shareBps === 0) return facts;
  const seen = new Set<string>();
  for (const c of [...included].sort((a, b) => a.id - b.id)) {
    const reward = rewardOf.get(c.id) ?? 0n;
    if (reward <= 0n || seen.has(c.authorId)) continue;
    seen.add(c.authorId);
    const mentorship = await mentorshipAtSubmission(tx, c.id);
    if (!mentorship?.mentorId) continue;
    // Not their first paid contribution: an earlier one was already paid, or its mentor already had a share.
    // (This close marks its contributions final only after the shares: "paid" here means by an earlier close.)
    if (!(await isNewcomer(tx, c.authorId))) continue;
    if (await tx.mentorShare.findUnique({ where: { newcomerId: c.authorId } })) continue;
    const [mentor, newcomer] = await Promise.all([
      tx.member.findUniqueOrThrow({
        where: { id: mentorship.mentorId },
        include: { wallets: { where: { activeFor: { not: null } } } },
      }),
      tx.member.findUniqueOrThrow({ where: { id: c.authorId } }),
    ]);
    // Checked again at the close: a wallet linked since the mentor accepted still makes them one person.
    if ((await sharedWallet(tx, o.guildId, mentor, newcomer)) !== null) {
      facts.refused.push({ contributionId: c.id, reason: "shared_wallet" });
      continue;
    }
    const amount = mentorShareOf(reward, deps.mentorship.shareBps);
    if (amount === 0n) continue;
    const row = await tx.mentorShare.create({
      data: {
        guildId: o.guildId,
        mentorshipId: mentorship.id,
        newcomerId: c.authorId,
        mentorId: mentor.id,
        contributionId: c.id,
        amount: amount.toString(),
        epochId: o.epochId,
        createdAt: o.now,
      },
    });
    const s = shares.shareFor(mentor.id, mentor.discordId, mentor.wallets[0]?.address ?? null);
    s.amount += amount;
    s.refs.push(`mentor:${row.id}`);
    facts.paid.push({ contributionId: c.id, mentor: mentor.discordId, newcomer: newcomer.discordId, amount });
  }
  return facts;
}

/**
 * The mentorship a contribution was submitted under: accepted at or before its submission and not ended before it,
 * whether it ended since or not (the mentor guided that work). Null: submitted without a mentor.
 */
export async function mentorshipAtSubmission(tx: Prisma.TransactionClient, contributionId: number) {
  const c = await tx.contribution.findUniqueOrThrow({
    where: { id: contributionId },
    select: { authorId: true, createdAt: true },
  });
  return tx.mentorship.findFirst({
    where: {
      newcomerId: c.authorId,
      mentorId: { not: null },
      acceptedAt: { lte: c.createdAt },
      OR: [{ endedAt: null }, { endedAt: { gte: c.createdAt } }],
    },
    // One ended and the next accepted in the same instant: the newer one.
    orderBy: [{ acceptedAt: "desc" }, { id: "desc" }],
  });
}

/** MENTOR_SHARE (basis points) of a reward, rounded down to the smallest unit: never more than the reward. */
export function mentorShareOf(reward: bigint, shareBps: number): bigint {
  return (reward * BigInt(shareBps)) / 10_000n;
}

/** A distribution that will not be paid gives its mentor shares back: the next close decides them again. */
export async function releaseMentorShares(tx: Prisma.TransactionClient, epochId: number): Promise<number[]> {
  const rows = await tx.mentorShare.findMany({ where: { epochId }, select: { id: true } });
  await tx.mentorShare.deleteMany({ where: { epochId } });
  return rows.map((r) => r.id);
}

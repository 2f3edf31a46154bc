import { toUnits } from "../../../db/decimalUnits.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import type { contributionsToPay } from "./contributionsToPay.ts";

export interface MemberShare {
  memberId: string;
  discordId: string;
  address: string | null;
  amount: bigint;
  refs: string[];
  carryIds: number[];
  /** The part of `amount` that pays contributions, by their category, and how many (category floors). */
  categories: Map<string, { amount: bigint; contributions: number }>;
}

/** Each member's share of the epoch, by member id; a share is made on first use. */
export class MemberShares {
  readonly byMember = new Map<string, MemberShare>();

  shareFor(memberId: string, discordId: string, address: string | null): MemberShare {
    let s = this.byMember.get(memberId);
    if (!s) {
      s = { memberId, discordId, address, amount: 0n, refs: [], carryIds: [], categories: new Map() };
      this.byMember.set(memberId, s);
    }
    return s;
  }

  all(): MemberShare[] {
    return [...this.byMember.values()];
  }
}

/**
 * The members' shares: each included contribution's reward for its author, plus what earlier epochs carried for
 * members who have linked a wallet since (a carry waits until then).
 */
export async function memberShares(
  tx: Prisma.TransactionClient,
  guildId: string,
  {
    included,
    rewardOf,
    policyOf,
  }: Pick<Awaited<ReturnType<typeof contributionsToPay>>, "included" | "rewardOf" | "policyOf">,
): Promise<MemberShares> {
  const shares = new MemberShares();
  for (const c of included) {
    const s = shares.shareFor(c.authorId, c.author.discordId, c.author.wallets[0]?.address ?? null);
    const reward = rewardOf.get(c.id) ?? 0n;
    s.amount += reward;
    s.refs.push(`contribution:${c.id}`);
    const category = s.categories.get(c.category) ?? { amount: 0n, contributions: 0 };
    s.categories.set(c.category, { amount: category.amount + reward, contributions: category.contributions + 1 });
    // The policy version that computed this reward, once per line: the batch hash covers the rules that paid it.
    const version = policyOf.get(c.id);
    if (version != null && !s.refs.includes(`policy:${version}`)) s.refs.push(`policy:${version}`);
  }
  const carries = await tx.rewardCarry.findMany({
    where: { guildId, paidInEpochId: null },
    include: {},
    // Stryker disable next-line ObjectLiteral: order only (amounts are summed, refs sorted); rows come back in id order anyway
    orderBy: { id: "asc" },
  });
  for (const carry of carries) {
    const member = await tx.member.findUniqueOrThrow({
      where: { id: carry.memberId },
      include: { wallets: { where: { activeFor: { not: null } } } },
    });
    const address = member.wallets[0]?.address ?? null;
    // A carry waits until its member links a wallet.
    if (!address) continue;
    const s = shares.shareFor(member.id, member.discordId, address);
    s.address = address;
    s.amount += toUnits(carry.amount);
    s.refs.push(`carry:${carry.id}`);
    s.carryIds.push(carry.id);
  }
  return shares;
}

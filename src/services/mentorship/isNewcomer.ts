import type { Prisma } from "../../generated/prisma/client.ts";

/**
 * A newcomer: a member none of whose contributions has been paid yet. "Paid" is `final` (in the distribution of a
 * closed epoch); a distribution that is released gives its contributions back, and its members are newcomers again.
 */
export async function isNewcomer(tx: Prisma.TransactionClient, memberId: string): Promise<boolean> {
  const paid = await tx.contribution.count({ where: { authorId: memberId, status: "final" } });
  return paid === 0;
}

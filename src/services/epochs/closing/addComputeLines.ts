import type { Prisma } from "../../../generated/prisma/client.ts";
import { computeShares } from "../../compute/computeShares.ts";
import type { ServiceDeps } from "../../deps.ts";
import type { BatchEntry } from "../batchHash.ts";
import type { MemberShare, MemberShares } from "./memberShares.ts";

/**
 * The compute network's rewards join beside the contributions (their own budget, not scaled with EPOCH_BUDGET):
 * added to the provider's line, or a new one; a provider without a wallet is carried like a member without one.
 */
export async function addComputeLines(
  tx: Prisma.TransactionClient,
  deps: Pick<ServiceDeps, "compute">,
  o: { guildId: string; epoch: { id: number; startsAt: Date }; now: Date },
  shares: MemberShares,
  lines: BatchEntry[],
  walletless: MemberShare[],
) {
  // The first epoch opens lazily (at the first close at the latest): its compute window starts with the network.
  const earlier = await tx.epoch.count({ where: { guildId: o.guildId, status: "closed" } });
  const compute = await computeShares(tx, {
    guildId: o.guildId,
    epochId: o.epoch.id,
    from: earlier === 0 ? new Date(0) : o.epoch.startsAt,
    to: o.now,
    budget: deps.compute.budget,
    maxCapacityPerProvider: deps.compute.maxCapacityPerProvider,
  });
  for (const c of compute.shares) {
    if (c.address === null) {
      const s = shares.shareFor(c.memberId, c.discordId, null);
      if (s.address === null) {
        s.amount += c.amount;
        if (!walletless.includes(s)) walletless.push(s);
      }
      continue;
    }
    const line = lines.find((l) => l.recipient.toLowerCase() === (c.address as string).toLowerCase());
    if (line) {
      line.amount = (BigInt(line.amount) + c.amount).toString();
      line.refs = [...line.refs, ...c.refs];
    } else lines.push({ recipient: c.address, amount: c.amount.toString(), refs: c.refs });
  }
  return compute;
}

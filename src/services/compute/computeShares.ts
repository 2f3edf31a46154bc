import type { Prisma } from "../../generated/prisma/client.ts";
import { allocateBudget } from "../epochs/allocateBudget.ts";
import { declaredOf } from "./declaredSpecs.ts";
import { deliveredCost } from "./leaseCost.ts";
import { CPU_RATE_WEIGHT, provenUnits } from "./nodeChallenges.ts";
import { capacityWeight, type ReportedSpecs } from "./reportedSpecs.ts";
import { coveredMs } from "./uptime.ts";

export interface ComputeShare {
  memberId: string;
  discordId: string;
  /** The provider's active wallet at the close (null: carried until one is linked). */
  address: string | null;
  amount: bigint;
  refs: string[];
}

export interface ComputeReward {
  nodeId: number;
  kind: "uptime" | "lease";
  key: string;
  leaseId: number | null;
  amount: bigint;
  coveredMs: number;
  weight: number | null;
}

/**
 * What the compute network earned in an epoch, per provider:
 * - the uptime reward: COMPUTE_BUDGET shared by verified capacity (capacityWeight: GPUs the reported specs back ×
 *   16, or cores) × time covered by heartbeats within the epoch, exactly (allocateBudget's largest remainders);
 *   capacity counts only as far as a challenge in the epoch proved it (provenUnits), else at the CPU rate, and a
 *   provider's capacity above MAX_CAPACITY_PER_PROVIDER scales their nodes' shares down;
 * - each ended lease not yet paid: delivered GPU-hours × its price (deliveredCost), never more than agreed.
 * Rewards of 0 are left out; refs name every node and lease, so the batch hash covers them. Reads only: the close
 * marks the leases it paid, and `/epoch status` previews the same figures.
 */
export async function computeShares(
  tx: Prisma.TransactionClient,
  o: {
    guildId: string;
    epochId: number;
    from: Date;
    to: Date;
    budget: bigint;
    maxCapacityPerProvider?: number | undefined;
  },
) {
  // Stryker disable all: these narrow the read only: coveredMs clips every span to the window, a node registered after the close has no span in it, and rewards are keyed (the batch sorts lines and refs)
  const [registered, spansInWindow, byId] = [
    { lt: o.to },
    { where: { endsAt: { gt: o.from }, startsAt: { lt: o.to } } },
    { id: "asc" as const },
  ];
  // Stryker restore all
  const nodes = await tx.computeNode.findMany({
    where: { guildId: o.guildId, registeredAt: registered },
    include: {
      spans: spansInWindow,
      provider: { include: { wallets: { where: { activeFor: { not: null } } } } },
    },
    orderBy: byId,
  });
  const rewards: ComputeReward[] = [];
  const proven = await provenUnits(
    tx,
    nodes.map((n) => n.id),
    o.from,
    o.to,
  );
  const weighed = nodes.map((n) => {
    const ms = coveredMs(n.spans, o.from, o.to);
    const claimed = capacityWeight(declaredOf(n), n.reportedSpecs as ReportedSpecs | null);
    const weight = Math.min(claimed, proven.get(n.id) ?? CPU_RATE_WEIGHT);
    return { node: n, ms, weight };
  });
  // The cap bounds what one provider (or their alts under one account) is paid for: their nodes that were up in
  // the epoch share it in proportion to their weights. Shares are scaled by a large constant so that the division
  // loses nothing that matters (10⁻¹⁸ of a share).
  const perProvider = new Map<string, number>();
  for (const w of weighed) {
    if (w.ms > 0) perProvider.set(w.node.providerId, (perProvider.get(w.node.providerId) ?? 0) + w.weight);
  }
  const SCALE = 10n ** 18n;
  const measured = weighed.map((w) => {
    const total = perProvider.get(w.node.providerId) ?? 0;
    const cap = o.maxCapacityPerProvider;
    const scaled =
      // Stryker disable next-line ConditionalExpression,EqualityOperator: without a cap, `total > undefined` is false anyway; at total = cap, scaling by cap / total changes nothing
      cap !== undefined && total > cap
        ? (BigInt(w.ms) * BigInt(w.weight) * BigInt(cap) * SCALE) / BigInt(total)
        : BigInt(w.ms) * BigInt(w.weight) * SCALE;
    return { ...w, share: scaled };
  });
  // Stryker disable next-line all: a share of 0 gets 0 from allocateBudget anyway (its remainder is 0, and the units left over never outnumber the nonzero remainders)
  const weighted = measured.filter((w) => w.share > 0n);
  // allocateBudget scales shares down to a budget exactly; shares × budget always exceed it, so it splits the whole
  // budget in proportion to the shares.
  const { allocations } = allocateBudget(
    weighted.map((w) => ({ key: String(w.node.id), amount: w.share * o.budget })),
    o.budget,
  );
  const uptimeOf = new Map(allocations.map((a) => [a.key, a.amount]));
  for (const w of weighted) {
    const amount = uptimeOf.get(String(w.node.id)) ?? 0n;
    if (amount > 0n) {
      rewards.push({
        nodeId: w.node.id,
        kind: "uptime",
        key: `uptime:${o.epochId}:${w.node.id}`,
        leaseId: null,
        amount,
        coveredMs: w.ms,
        weight: w.weight,
      });
    }
  }
  const leases = await tx.lease.findMany({
    where: { guildId: o.guildId, status: "ended", paidInEpochId: null, endedAt: { lte: o.to } },
    include: { node: { include: { spans: true } } },
    orderBy: byId,
  });
  const settledLeases: { id: number; amount: bigint }[] = [];
  for (const lease of leases) {
    const delivered = deliveredCost(lease, lease.node.spans, o.to);
    settledLeases.push({ id: lease.id, amount: delivered.amount });
    if (delivered.amount > 0n) {
      rewards.push({
        nodeId: lease.nodeId,
        kind: "lease",
        key: `lease:${lease.id}`,
        leaseId: lease.id,
        amount: delivered.amount,
        coveredMs: delivered.ms,
        weight: lease.gpuCount,
      });
    }
  }
  const providerOf = new Map(nodes.map((n) => [n.id, n.provider]));
  const shares = new Map<string, Omit<ComputeShare, "refs"> & { refs: Set<string> }>();
  for (const r of rewards) {
    const provider = providerOf.get(r.nodeId);
    // Stryker disable next-line ConditionalExpression: every rewarded node is among `nodes` (a lease's node was registered before it ended)
    if (!provider) continue;
    let s = shares.get(provider.id);
    if (!s) {
      // Stryker disable next-line OptionalChaining: a provider registers with a verified wallet, and wallets are only ever replaced
      const address = provider.wallets[0]?.address ?? null;
      s = {
        memberId: provider.id,
        discordId: provider.discordId,
        address,
        amount: 0n,
        refs: new Set(),
      };
      shares.set(provider.id, s);
    }
    s.amount += r.amount;
    // Every line names its nodes, and a lease's line its lease too.
    s.refs.add(`node:${r.nodeId}`);
    if (r.kind === "lease") s.refs.add(`lease:${r.leaseId}`);
  }
  // The batch's canonical form sorts refs; the order here does not matter.
  const out: ComputeShare[] = [...shares.values()].map((s) => ({ ...s, refs: [...s.refs] }));
  /** Ended leases this close pays (0 when nothing was delivered): the caller marks them paid in the epoch. */
  return { shares: out, rewards, settledLeases };
}

import { toUnits } from "../../db/decimalUnits.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import { takeAnchor } from "../audit/takeAnchor.ts";
import { computeShares } from "../compute/computeShares.ts";
import type { ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { awaitingReview } from "../evaluations/clearEvaluation.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { tokenText } from "../tokenText.ts";
import { allocateBudget } from "./allocateBudget.ts";
import { type BatchEntry, batchHash, canonicalEntries } from "./batchHash.ts";
import { ensureOpenEpoch } from "./ensureOpenEpoch.ts";

interface MemberShare {
  memberId: string;
  discordId: string;
  address: string | null;
  amount: bigint;
  refs: string[];
  carryIds: number[];
}

/**
 * Closes the guild's open epoch and drafts its distribution proposal, in one transaction:
 * - every evaluated contribution not yet in an epoch counts with its active evaluation's suggested reward, plus
 *   what earlier epochs carried for its author;
 * - members with a verified wallet share the budget (allocateBudget: exact integer scaling, remainder by largest
 *   remainders); members without one get a RewardCarry for their full share, paid by a later distribution;
 * - contributions become `final`, the proposal (kind distribution, status draft) carries the batch and its hash,
 *   the next epoch opens, and the close is audited.
 */
export async function closeEpoch(deps: ServiceDeps, guildId: string, actorId: string) {
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const epoch = await ensureOpenEpoch(tx, guildId, deps.epochs.budget, now);
    const candidates = await tx.contribution.findMany({
      where: { guildId, epochId: null, status: "evaluated", createdAt: { lte: now } },
      include: { author: { include: { wallets: { where: { activeFor: { not: null } } } } } },
      // Stryker disable next-line ObjectLiteral: order only (refs are sorted in the batch); rows come back in id order anyway
      orderBy: { id: "asc" },
    });
    const openAppeals = await tx.appeal.findMany({
      where: { status: "open", contributionId: { in: candidates.map((c) => c.id) } },
      select: { id: true, contributionId: true },
    });
    if (openAppeals.length > 0 && deps.epochs.openAppeals === "block") {
      throw new UserError("epoch_blocked_by_appeals", { appeals: openAppeals.map((a) => a.id) });
    }
    const appealed = new Set(openAppeals.map((a) => a.contributionId));
    // Flagged for a human and not yet cleared or overridden: paid nothing now, left for a later epoch.
    const flagged = await tx.evaluation.findMany({
      where: { activeFor: { in: candidates.map((c) => c.id) }, ...awaitingReview },
      select: { activeFor: true },
    });
    const held = new Set(flagged.map((e) => e.activeFor as number));
    const included = candidates.filter((c) => !appealed.has(c.id) && !held.has(c.id));
    // Stryker disable next-line ObjectLiteral: the filter only narrows the read; rewards are looked up by the included ids
    const evaluations = await tx.evaluation.findMany({
      // Stryker disable next-line ObjectLiteral: as above
      where: { activeFor: { in: included.map((c) => c.id) } },
      select: { activeFor: true, suggestedReward: true },
    });
    const rewardOf = new Map(evaluations.map((e) => [e.activeFor, toUnits(e.suggestedReward)]));

    const shares = new Map<string, MemberShare>();
    const shareFor = (memberId: string, discordId: string, address: string | null) => {
      let s = shares.get(memberId);
      if (!s) {
        s = { memberId, discordId, address, amount: 0n, refs: [], carryIds: [] };
        shares.set(memberId, s);
      }
      return s;
    };
    for (const c of included) {
      const s = shareFor(c.authorId, c.author.discordId, c.author.wallets[0]?.address ?? null);
      s.amount += rewardOf.get(c.id) ?? 0n;
      s.refs.push(`contribution:${c.id}`);
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
      const s = shareFor(member.id, member.discordId, address);
      s.address = address;
      s.amount += toUnits(carry.amount);
      s.refs.push(`carry:${carry.id}`);
      s.carryIds.push(carry.id);
    }

    // Stryker disable next-line ConditionalExpression,EqualityOperator: a zero share gets a zero allocation, which the batch filter below drops
    const payable = [...shares.values()].filter((s) => s.address !== null && s.amount > 0n);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: shares are sums of positive rewards and carries; zero needs a moderator's override to 0 (no carry of 0 is made either way)
    const walletless = [...shares.values()].filter((s) => s.address === null && s.amount > 0n);
    const budget = toUnits(epoch.budget);
    const { allocations, total, scaled } = allocateBudget(
      payable.map((s) => ({ key: (s.address as string).toLowerCase(), amount: s.amount })),
      budget,
    );
    const amountOf = new Map(allocations.map((a) => [a.key, a.amount]));
    const lines: BatchEntry[] = payable.map((s) => ({
      recipient: s.address as string,
      amount: (amountOf.get((s.address as string).toLowerCase()) ?? 0n).toString(),
      refs: s.refs,
    }));
    // The compute network's rewards join beside the contributions (their own budget, not scaled with EPOCH_BUDGET).
    // The first epoch opens lazily (at the first close at the latest): its compute window starts with the network.
    const earlier = await tx.epoch.count({ where: { guildId, status: "closed" } });
    const compute = await computeShares(tx, {
      guildId,
      epochId: epoch.id,
      from: earlier === 0 ? new Date(0) : epoch.startsAt,
      to: now,
      budget: deps.compute.budget,
    });
    for (const c of compute.shares) {
      if (c.address === null) {
        const s = shareFor(c.memberId, c.discordId, null);
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
    const computeTotal = compute.rewards.reduce((n, r) => n + r.amount, 0n);
    // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: a line scaled down to 0 units needs a budget below the member count in smallest units; allocateBudget's tests pin that rounding
    const batch = lines.filter((e) => BigInt(e.amount) > 0n);
    const canonical = canonicalEntries(batch);
    const hash = batchHash(batch);
    const paid = canonical.reduce((n, e) => n + BigInt(e.amount), 0n);
    const carriedTotal = walletless.reduce((n, s) => n + s.amount, 0n);

    const tokens = (units: bigint) => tokenText(units, deps.proposals);
    const paidContributions = canonical.flatMap((e) => e.refs).filter((r) => r.startsWith("contribution:")).length;
    // Nothing payable (no evaluated contributions, or only members without a wallet): no proposal to vote on.
    const proposal =
      canonical.length === 0
        ? null
        : await tx.proposal.create({
            data: {
              guildId,
              kind: "distribution",
              authorDiscordId: actorId,
              title: `Epoch ${epoch.number} reward distribution`,
              summary: `Pays ${tokens(paid)} to ${canonical.length} member(s) for ${paidContributions} contribution(s)${computeTotal > 0n ? ` and ${tokens(computeTotal)} of compute (${compute.rewards.length} node uptime and lease reward(s))` : ""} of epoch ${epoch.number}${scaled ? `, scaled down from ${tokens(total)} to the budget of ${tokens(budget)}` : ""}.${walletless.length > 0 ? ` ${walletless.length} member(s) without a verified wallet: ${tokens(carriedTotal)} carried to the next epoch.` : ""}`,
              motivation:
                "Rewards for the contributions evaluated this epoch, from their active evaluations' suggested rewards.",
              specification: [
                `Budget: ${tokens(budget)}. Suggested total: ${tokens(total)}. ${scaled ? "Scaled: each share × budget / total, rounded down; the smallest units lost to rounding go one each to the largest remainders." : "Within budget: paid as suggested."}`,
                ...(computeTotal > 0n
                  ? [
                      `Compute: ${tokens(deps.compute.budget)} shared by verified capacity × uptime, plus each ended lease's delivered GPU-hours × its price: ${compute.rewards.map((r) => `${r.kind === "lease" ? `lease #${r.leaseId}` : `node #${r.nodeId} uptime`} ${tokens(r.amount)}`).join(", ")}.`,
                    ]
                  : []),
                ...(appealed.size > 0
                  ? [`Left for the next epoch (open appeals): ${[...appealed].map((id) => `#${id}`).join(", ")}.`]
                  : []),
                ...(held.size > 0
                  ? [
                      `Left for the next epoch (flagged, waiting for a moderator): ${[...held].map((id) => `#${id}`).join(", ")}.`,
                    ]
                  : []),
              ].join("\n"),
              risks: "A recipient address may be wrong; members check their own line before voting.",
              successMetrics: "Every payout in the batch is settled on-chain with a receipt.",
              batch: canonical,
              batchHash: hash,
              epochId: epoch.id,
              createdAt: now,
            },
          });
    for (const s of walletless) {
      await tx.rewardCarry.create({
        data: { guildId, memberId: s.memberId, amount: s.amount.toString(), fromEpochId: epoch.id, createdAt: now },
      });
    }
    for (const l of compute.settledLeases) {
      await tx.lease.update({
        where: { id: l.id },
        data: { paidInEpochId: epoch.id, paidAmount: l.amount.toString() },
      });
    }
    for (const r of compute.rewards) {
      await tx.computeReward.create({
        data: {
          guildId,
          epochId: epoch.id,
          nodeId: r.nodeId,
          kind: r.kind,
          key: r.key,
          leaseId: r.leaseId,
          amount: r.amount.toString(),
          coveredMs: BigInt(r.coveredMs),
          weight: r.weight,
          createdAt: now,
        },
      });
    }
    const paidCarryIds = payable.flatMap((s) => s.carryIds);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the guard only saves a query (an empty `in` updates nothing)
    if (paidCarryIds.length > 0) {
      await tx.rewardCarry.updateMany({ where: { id: { in: paidCarryIds } }, data: { paidInEpochId: epoch.id } });
    }
    await tx.contribution.updateMany({
      where: { id: { in: included.map((c) => c.id) }, status: "evaluated" },
      data: { status: "final", epochId: epoch.id },
    });
    const closed = await tx.epoch.updateMany({
      where: { id: epoch.id, status: "open" },
      data: { status: "closed", openFor: null, closedAt: now, closedBy: actorId },
    });
    // Stryker disable next-line ConditionalExpression,StringLiteral: reached only when another close commits between this one's read and this update (a race a single-connection test cannot stage); the transaction then rolls back
    if (closed.count === 0) throw new Error(`epoch ${epoch.id} was closed concurrently`);
    const next = await ensureOpenEpoch(tx, guildId, deps.epochs.budget, now);
    await appendAuditEvent(tx, {
      guildId,
      actorId,
      action: "epoch.closed",
      subjectType: "epoch",
      subjectId: String(epoch.id),
      payload: {
        number: epoch.number,
        proposalId: proposal?.id ?? null,
        batchHash: hash,
        budget: budget.toString(),
        suggestedTotal: total.toString(),
        paid: paid.toString(),
        carried: carriedTotal.toString(),
        contributions: included.map((c) => c.id),
        leftForNextEpoch: [...appealed],
        heldForReview: [...held],
        ...(compute.rewards.length > 0
          ? { compute: compute.rewards.map((r) => ({ key: r.key, amount: r.amount.toString() })) }
          : {}),
      },
      createdAt: now,
    });
    // The chain's head right after the close: the distribution's post shows it, and it is published on chain.
    await takeAnchor(tx, { guildId, reason: `epoch ${epoch.number} closed`, epochId: epoch.id, now });
    if (proposal) await enqueuePosts(tx, now, [{ guildId, kind: "proposal", subjectId: proposal.id }]);
    return {
      epoch,
      next,
      proposal,
      batch: canonical,
      carried: walletless.map((s) => ({ discordId: s.discordId, amount: s.amount })),
      suggestedTotal: total,
      scaled,
      contributions: included.length,
      leftForNextEpoch: appealed.size,
      heldForReview: held.size,
      compute: {
        total: computeTotal,
        budget: deps.compute.budget,
        uptimeRewards: compute.rewards.filter((r) => r.kind === "uptime").length,
        leaseRewards: compute.rewards.filter((r) => r.kind === "lease").length,
        providers: compute.shares.length,
      },
    };
  });
}

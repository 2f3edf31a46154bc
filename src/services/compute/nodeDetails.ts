import { toUnits } from "../../db/decimalUnits.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { findNode } from "./findNode.ts";
import { type ReportedSpecs, readShortfallOrNull } from "./reportedSpecs.ts";
import { uptimeRatio } from "./uptime.ts";

const DAY = 86_400_000;

/**
 * Everything `/node show` says about a node: declared and reported specs, status, uptime over 24 h, 7 days and the
 * open epoch, leases and earnings. Its provider sees a new shortfall once, as a note (then it is marked seen).
 */
export async function nodeDetails(deps: Pick<ServiceDeps, "db" | "now">, actor: Actor, id: number) {
  const node = await findNode(deps, actor.guildId, id);
  const now = deps.now();
  const epoch = await deps.db.epoch.findUnique({ where: { openFor: actor.guildId } });
  const since = new Date(Math.min(now.getTime() - 7 * DAY, epoch?.startsAt.getTime() ?? now.getTime()));
  const spans = await deps.db.nodeUptimeSpan.findMany({ where: { nodeId: id, endsAt: { gte: since } } });
  const ratio = (from: Date) => uptimeRatio(spans, from, now, node.registeredAt);
  const leases = await deps.db.lease.findMany({
    where: { nodeId: id, status: { in: ["active", "offered", "awaiting_approval", "ended"] } },
    orderBy: { id: "desc" },
    take: 5,
  });
  // A reward released with its distribution (not paid) was carried on: it is counted where it is paid.
  const rewards = await deps.db.computeReward.findMany({
    where: { nodeId: id, releasedAt: null },
    select: { amount: true },
  });
  // What Steward checked itself, apart from what the agent reports: the last decided capacity challenge.
  const challenge = await deps.db.nodeChallenge.findFirst({
    where: { nodeId: id, status: { not: "open" } },
    orderBy: { id: "desc" },
    select: { id: true, status: true, failure: true, issuedAt: true, elapsedMs: true, lanes: true },
  });
  const isProvider = node.provider.discordId === actor.discordId;
  const showShortfall = isProvider && node.shortfall !== null && node.shortfallSeenAt === null;
  if (showShortfall) {
    await deps.db.computeNode.updateMany({
      where: { id, shortfall: node.shortfall, shortfallSeenAt: null },
      data: { shortfallSeenAt: now },
    });
  }
  return {
    node,
    reported: node.reportedSpecs as ReportedSpecs | null,
    uptime: {
      day: ratio(new Date(now.getTime() - DAY)),
      week: ratio(new Date(now.getTime() - 7 * DAY)),
      epoch: epoch ? { number: epoch.number, ratio: ratio(epoch.startsAt) } : null,
    },
    leases,
    earned: rewards.reduce((n, r) => n + toUnits(r.amount), 0n),
    shortfallNote: showShortfall ? readShortfallOrNull(node.shortfall) : null,
    challenge,
    now,
  };
}

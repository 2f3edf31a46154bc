import { formatUnits } from "ethers";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { type ComputeNotice, enqueuePosts } from "../publishing/enqueuePosts.ts";
import { tokenText } from "../tokenText.ts";
import { downAfterMs } from "./computeDeps.ts";
import { deliveredCost } from "./leaseCost.ts";
import { requestCompute } from "./requestCompute.ts";

const ts = (d: Date) => `<t:${Math.floor(d.getTime() / 1000)}:R>`;
export const CHOOSE_PREFIX = "compute-choose";

/** The Choose buttons under a request's matches. */
export const chooseButtons = (requestId: number, nodeIds: number[]) =>
  nodeIds.map((nodeId, i) => ({
    customId: `${CHOOSE_PREFIX}:${requestId}:${nodeId}`,
    label: `Choose node #${nodeId}`,
    style: i === 0 ? ("primary" as const) : ("secondary" as const),
  }));

/**
 * The compute network's clock, run by the deadline watcher and the `compute` job, not by the next request: nodes
 * silent for two heartbeat intervals turn offline; leases past their end end; a leased node offline longer than
 * LEASE_FAILOVER_AFTER gets its requester offered the next best online offer for the remaining hours. Each change
 * is claimed by a conditional update, so two processes never announce it twice.
 */
export async function checkNodeHealth(deps: ServiceDeps) {
  const now = deps.now();
  const cutoff = new Date(now.getTime() - downAfterMs(deps.compute));
  const offline = await deps.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number; guildId: string; name: string; lastHeartbeatAt: Date }[]>`
      UPDATE "ComputeNode" SET "status" = 'offline', "statusChangedAt" = ${now}
      WHERE "status" = 'online' AND "lastHeartbeatAt" < ${cutoff}
      RETURNING "id", "guildId", "name", "lastHeartbeatAt"`;
    await enqueuePosts(
      tx,
      now,
      rows.map((n) => ({
        guildId: n.guildId,
        kind: "compute" as const,
        notice: { content: `🔴 Node #${n.id} **${n.name}** is offline: no heartbeat since ${ts(n.lastHeartbeatAt)}.` },
      })),
    );
    return rows;
  });

  const expired = await deps.db.lease.findMany({
    where: { status: "active", endsAt: { lte: now } },
    include: { node: { include: { provider: true, spans: true } }, request: { include: { requester: true } } },
  });
  let ended = 0;
  for (const lease of expired) {
    const delivered = deliveredCost({ ...lease, endedAt: lease.endsAt }, lease.node.spans, now);
    const hours = (delivered.ms / 3_600_000) * lease.gpuCount;
    const moved = await runAudited(deps.db, async (tx) => {
      const ended = await tx.lease.updateMany({
        where: { id: lease.id, status: "active" },
        data: { status: "ended", endedAt: lease.endsAt },
      });
      if (ended.count > 0) {
        await appendAuditEvent(tx, {
          guildId: lease.guildId,
          actorId: "system:node-health",
          action: "lease.ended",
          subjectType: "lease",
          subjectId: String(lease.id),
          payload: { from: "active", to: "ended", reason: "agreed hours over" },
          createdAt: now,
        });
        await enqueuePosts(tx, now, [
          {
            guildId: lease.guildId,
            kind: "compute",
            notice: {
              content: `Lease #${lease.id} on node #${lease.nodeId} ended: ${hours.toFixed(2)} of ${(Number(lease.hours.toString()) * lease.gpuCount).toFixed(2)} GPU-hours delivered, ${tokenText(delivered.amount, deps.proposals)} for <@${lease.node.provider.discordId}> at the epoch's close. <@${lease.request.requester.discordId}>`,
              mention: [lease.request.requester.discordId, lease.node.provider.discordId],
            },
          },
        ]);
      }
      return ended;
    });
    if (moved.count > 0) ended++;
  }

  const failoverCutoff = new Date(now.getTime() - deps.compute.leaseFailoverAfterMs);
  const stranded = await deps.db.lease.findMany({
    where: {
      status: "active",
      failoverNoticeAt: null,
      node: { status: "offline", lastHeartbeatAt: { lt: failoverCutoff } },
    },
    include: { node: { include: { provider: true } }, request: { include: { requester: true } } },
  });
  let failovers = 0;
  const notice = (guildId: string, n: ComputeNotice) =>
    enqueuePosts(deps.db, now, [{ guildId, kind: "compute", notice: n }]);
  for (const lease of stranded) {
    const claimed = await deps.db.lease.updateMany({
      where: { id: lease.id, failoverNoticeAt: null },
      data: { failoverNoticeAt: now },
    });
    if (claimed.count === 0) continue;
    failovers++;
    const requester = lease.request.requester;
    const provider = lease.node.provider.discordId;
    const left = Math.max(0.01, ((lease.endsAt?.getTime() ?? now.getTime()) - now.getTime()) / 3_600_000);
    const head = `⚠️ <@${requester.discordId}>, <@${provider}>: node #${lease.nodeId} **${lease.node.name}** has been offline since ${ts(lease.node.lastHeartbeatAt ?? now)}, during lease #${lease.id} (paid only for the time it was online).`;
    try {
      const next = await requestCompute(
        deps,
        { guildId: lease.guildId, discordId: requester.discordId, username: requester.username },
        {
          gpuCount: lease.gpuCount,
          hours: Math.round(left * 100) / 100,
          maxPrice: formatUnits(BigInt(lease.request.maxPrice.toString()), deps.proposals.tokenDecimals),
          gpuModel: lease.request.gpuModel,
          minVramGb: lease.request.minVramGb,
          region: lease.request.region,
          purpose: lease.purpose,
        },
        { leaseId: lease.id, nodeId: lease.nodeId },
      );
      await notice(lease.guildId, {
        content: `${head}\nTo continue the remaining ${left.toFixed(2)} h, the next best online offer${next.matches.length > 1 ? "s are" : " is"}: ${next.matches.map((m) => `node #${m.nodeId} **${m.offer.name}** (score ${m.score}: ${m.reasons.join(", ")})`).join("; ")}. Choosing one ends lease #${lease.id} once its provider accepts.`,
        mention: [requester.discordId, provider],
        buttons: chooseButtons(
          next.request.id,
          next.matches.map((m) => m.nodeId),
        ),
      });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      await notice(lease.guildId, {
        content: `${head}\nNo other online offer fits the remaining ${left.toFixed(2)} h now; the lease continues if the node comes back.`,
        mention: [requester.discordId, provider],
      });
    }
  }
  return { offline: offline.length, ended, failovers };
}

/** A node came back online: announced, and its active leases may warn again at their next outage. */
export async function nodeCameOnline(deps: ServiceDeps, nodeId: number) {
  const node = await deps.db.computeNode.findUniqueOrThrow({ where: { id: nodeId } });
  await deps.db.$transaction(async (tx) => {
    await tx.lease.updateMany({ where: { nodeId, status: "active" }, data: { failoverNoticeAt: null } });
    await enqueuePosts(tx, deps.now(), [
      {
        guildId: node.guildId,
        kind: "compute",
        notice: {
          content: `🟢 Node #${node.id} **${node.name}** is online${node.heartbeats <= 1 ? " (its first heartbeat)" : ""}.`,
        },
      },
    ]);
  });
}

import { formatUnits } from "ethers";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import type { ComputeFact } from "../publishing/computeFacts.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { downAfterMs } from "./computeDeps.ts";
import { deliveredCost } from "./leaseCost.ts";
import { requestCompute } from "./requestCompute.ts";

/**
 * The compute network's clock, run by the deadline watcher and the `compute` job, not by the next request: nodes
 * silent for two heartbeat intervals turn offline; leases past their end end; a leased node offline longer than
 * LEASE_FAILOVER_AFTER gets its requester offered the next best online offer for the remaining hours. Each change
 * is claimed by a conditional update, so two processes never announce it twice.
 */
export async function checkNodeHealth(deps: Pick<ServiceDeps, "compute" | "db" | "now" | "token">) {
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
        notice: {
          fact: {
            kind: "node_offline" as const,
            nodeId: n.id,
            name: n.name,
            lastHeartbeatAt: n.lastHeartbeatAt.toISOString(),
          },
        },
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
              fact: {
                kind: "lease_ended",
                leaseId: lease.id,
                nodeId: lease.nodeId,
                deliveredGpuHours: hours,
                agreedGpuHours: Number(lease.hours.toString()) * lease.gpuCount,
                amount: delivered.amount.toString(),
                providerId: lease.node.provider.discordId,
                requesterId: lease.request.requester.discordId,
              },
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
  const notice = (guildId: string, fact: ComputeFact) =>
    enqueuePosts(deps.db, now, [{ guildId, kind: "compute", notice: { fact } }]);
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
    const outage = {
      kind: "lease_node_offline" as const,
      leaseId: lease.id,
      nodeId: lease.nodeId,
      nodeName: lease.node.name,
      offlineSince: (lease.node.lastHeartbeatAt ?? now).toISOString(),
      requesterId: requester.discordId,
      providerId: provider,
      hoursLeft: left,
    };
    try {
      const next = await requestCompute(
        deps,
        { guildId: lease.guildId, discordId: requester.discordId, username: requester.username },
        {
          gpuCount: lease.gpuCount,
          hours: Math.round(left * 100) / 100,
          maxPrice: formatUnits(BigInt(lease.request.maxPrice.toString()), deps.token.decimals),
          gpuModel: lease.request.gpuModel,
          minVramGb: lease.request.minVramGb,
          region: lease.request.region,
          purpose: lease.purpose,
        },
        { leaseId: lease.id, nodeId: lease.nodeId },
      );
      await notice(lease.guildId, {
        ...outage,
        failover: {
          requestId: next.request.id,
          offers: next.matches.map((m) => ({
            nodeId: m.nodeId,
            name: m.offer.name,
            score: m.score,
            reasons: m.reasons,
            fit: m.fit,
          })),
        },
      });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      await notice(lease.guildId, { ...outage, failover: null });
    }
  }
  return { offline: offline.length, ended, failovers };
}

/** A node came back online: announced, and its active leases may warn again at their next outage. */
export async function nodeCameOnline(deps: Pick<ServiceDeps, "db" | "now">, nodeId: number) {
  const node = await deps.db.computeNode.findUniqueOrThrow({ where: { id: nodeId } });
  await deps.db.$transaction(async (tx) => {
    await tx.lease.updateMany({ where: { nodeId, status: "active" }, data: { failoverNoticeAt: null } });
    await enqueuePosts(tx, deps.now(), [
      {
        guildId: node.guildId,
        kind: "compute",
        notice: {
          fact: { kind: "node_online", nodeId: node.id, name: node.name, firstHeartbeat: node.heartbeats <= 1 },
        },
      },
    ]);
  });
}

import type { ComputeNode } from "../../generated/prisma/client.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { enqueuePosts, type PostRequest } from "../publishing/enqueuePosts.ts";
import { LIMITS, parsePrice, parseRegion } from "./declaredSpecs.ts";
import { findOwnLiveNode } from "./findNode.ts";

export interface NodeChanges {
  price?: string | null | undefined;
  region?: string | null | undefined;
  description?: string | null | undefined;
}

/** The provider changes a live node's price, region or description (audited with the values before and after). */
export async function updateNode(
  deps: Pick<ServiceDeps, "db" | "now" | "token">,
  actor: Actor,
  id: number,
  changes: NodeChanges,
) {
  const node = await findOwnLiveNode(deps, actor, id);
  const data: { price?: string; region?: string; description?: string | null } = {};
  if (changes.price != null) data.price = parsePrice(changes.price, deps.token.decimals).toString();
  if (changes.region != null) data.region = parseRegion(changes.region);
  if (changes.description != null) {
    const text = changes.description.trim();
    if (text.length > LIMITS.description) {
      throw new UserError("field_too_long", { field: "description", max: LIMITS.description, length: text.length });
    }
    data.description = text === "" ? null : text;
  }
  if (Object.keys(data).length === 0) throw new UserError("nothing_to_update", {});
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const updated = await tx.computeNode.update({ where: { id }, data });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "node.updated",
      subjectType: "node",
      subjectId: String(id),
      payload: {
        before: { price: node.price.toString(), region: node.region, description: node.description },
        after: data,
      },
      createdAt: now,
    });
    return updated;
  });
}

/** Retires a node for good: its heartbeats are refused from now on, its key is free again, its leases end. */
export async function retireNode(
  deps: Pick<ServiceDeps, "db" | "now">,
  actor: Actor,
  id: number,
  /** Its announcement in the compute channel (the adapter's words), queued with the retirement. */
  announce: (node: ComputeNode) => PostRequest[] = () => [],
) {
  await findOwnLiveNode(deps, actor, id);
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const retired = await tx.computeNode.updateMany({
      where: { id, status: { not: "retired" } },
      data: { status: "retired", retiredAt: now, activeKey: null, statusChangedAt: now },
    });
    if (retired.count === 0) throw new UserError("node_is_retired", { id });
    const ended = await tx.lease.updateMany({
      where: { nodeId: id, status: "active" },
      data: { status: "ended", endedAt: now },
    });
    await tx.lease.updateMany({
      where: { nodeId: id, status: { in: ["offered", "awaiting_approval"] } },
      data: { status: "declined", decidedAt: now },
    });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "node.retired",
      subjectType: "node",
      subjectId: String(id),
      payload: { leasesEnded: ended.count },
      createdAt: now,
    });
    const node = await tx.computeNode.findUniqueOrThrow({ where: { id } });
    await enqueuePosts(tx, now, announce(node));
    return node;
  });
}

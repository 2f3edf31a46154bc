import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import { sharedWallet } from "../conflicts/refuseSelfDealing.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { enqueuePosts, type PostRequest } from "../publishing/enqueuePosts.ts";
import { agreedCost } from "./leaseCost.ts";
import { loadOffers } from "./loadOffers.ts";
import type { OfferMiss } from "./offerMiss.ts";
import { misses } from "./rankOffers.ts";
import type { StoredMatch } from "./requestCompute.ts";

const leaseWith = { node: { include: { provider: true } }, request: { include: { requester: true } } } as const;

type Reader = Pick<ServiceDeps["db"], "lease">;

async function findLease(deps: { db: Reader }, guildId: string, id: number) {
  const lease = await deps.db.lease.findUnique({ where: { id }, include: leaseWith });
  if (!lease || lease.guildId !== guildId) throw new UserError("lease_not_found", { id });
  return lease;
}

export type LeaseWithParties = Awaited<ReturnType<typeof findLease>>;

/**
 * What a lease's change announces (the adapter's words: a provider asked, moderators told), queued in the outbox by
 * the transaction that makes the change, so the change and its announcement exist together.
 */
export type LeaseAnnouncement = (lease: LeaseWithParties) => PostRequest[];

/**
 * The requester chooses one of the request's matches: a lease is offered to the node's provider, or first waits for
 * a moderator when it costs more than LEASE_APPROVAL_ABOVE. The offer is checked again (the node may have gone
 * offline or changed its price). A second click finds the same lease; one open lease per request.
 */
export async function chooseOffer(
  deps: Pick<ServiceDeps, "compute" | "db" | "now" | "token">,
  actor: Actor,
  requestId: number,
  nodeId: number,
  announce: LeaseAnnouncement = () => [],
) {
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const request = await tx.computeRequest.findUnique({ where: { id: requestId }, include: { requester: true } });
    if (!request || request.guildId !== actor.guildId)
      throw new UserError("compute_request_not_found", { id: requestId });
    if (request.requester.discordId !== actor.discordId) throw new UserError("not_your_request", { id: requestId });
    if (!(request.matches as unknown as StoredMatch[]).some((m) => m.nodeId === nodeId)) {
      throw new UserError("invalid_component", {});
    }
    const existing = await tx.lease.findFirst({
      where: { requestId, status: { in: ["awaiting_approval", "offered", "active"] } },
    });
    if (existing) return { lease: existing, created: false };
    const offer = (await loadOffers(tx, actor.guildId, now)).find((o) => o.id === nodeId);
    const want = { gpuCount: request.gpuCount, maxPrice: BigInt(request.maxPrice.toString()) };
    const problems: OfferMiss[] = offer ? misses(offer, want) : [{ kind: "retired" }];
    if (!offer || problems.length > 0) throw new UserError("offer_gone", { nodeId, problems, token: deps.token });
    const node = await tx.computeNode.findUniqueOrThrow({ where: { id: nodeId }, include: { provider: true } });
    // Nobody is paid for their own lease: not from their own node, nor from an alt account's (a shared wallet).
    if (
      node.provider.discordId === actor.discordId ||
      (await sharedWallet(tx, actor.guildId, actor, node.provider)) !== null
    ) {
      throw new UserError("own_node_lease", { nodeId });
    }
    const terms = { gpuCount: request.gpuCount, hours: request.hours, price: node.price };
    const above = deps.compute.leaseApprovalAbove;
    const needsApproval = above !== undefined && agreedCost(terms) > above;
    const lease = await tx.lease.create({
      data: {
        guildId: actor.guildId,
        requestId,
        nodeId,
        requesterId: request.requesterId,
        gpuCount: request.gpuCount,
        hours: request.hours,
        price: node.price,
        purpose: request.purpose,
        status: needsApproval ? "awaiting_approval" : "offered",
        createdAt: now,
      },
    });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "lease.requested",
      subjectType: "lease",
      subjectId: String(lease.id),
      payload: {
        requestId,
        nodeId,
        gpuCount: lease.gpuCount,
        hours: lease.hours.toString(),
        price: lease.price.toString(),
      },
      createdAt: now,
    });
    await enqueuePosts(tx, now, announce(await findLease({ db: tx }, actor.guildId, lease.id)));
    return { lease, created: true };
  }).then(async (r) => ({ ...r, lease: await findLease(deps, actor.guildId, r.lease.id) }));
}

/** A moderator (neither the requester nor the provider) lets an expensive lease be offered to the provider. */
export async function approveLease(
  deps: Pick<ServiceDeps, "db" | "governance" | "now">,
  actor: Actor,
  isModerator: boolean,
  id: number,
  announce: LeaseAnnouncement = () => [],
) {
  if (!isModerator) throw new UserError("missing_role", { role: deps.governance.moderatorRole });
  const lease = await findLease(deps, actor.guildId, id);
  // The lease pays its provider: neither side approves it, nor anyone sharing a wallet with the provider.
  if (
    lease.request.requester.discordId === actor.discordId ||
    lease.node.provider.discordId === actor.discordId ||
    (await sharedWallet(deps.db, actor.guildId, actor, lease.node.provider)) !== null
  ) {
    throw new UserError("own_lease_approval", { id });
  }
  return transition(
    deps,
    actor,
    id,
    "awaiting_approval",
    { status: "offered", approvedBy: actor.discordId },
    "lease.approved",
    announce,
  );
}

/** The node's provider accepts (the lease starts now, for the agreed hours) or declines an offered lease. */
export async function decideLease(deps: Pick<ServiceDeps, "db" | "now">, actor: Actor, id: number, accept: boolean) {
  const lease = await findLease(deps, actor.guildId, id);
  if (lease.node.provider.discordId !== actor.discordId) throw new UserError("not_lease_provider", { id });
  const now = deps.now();
  const hoursMs = Math.round(Number(lease.hours.toString()) * 3_600_000);
  const decided = await transition(
    deps,
    actor,
    id,
    "offered",
    accept
      ? { status: "active", decidedAt: now, startsAt: now, endsAt: new Date(now.getTime() + hoursMs) }
      : { status: "declined", decidedAt: now },
    accept ? "lease.accepted" : "lease.declined",
  );
  // A failover lease accepted: the lease it continues ends now (paid for what its node delivered).
  const continued = lease.request.continuesLeaseId;
  if (accept && continued !== null) {
    await runAudited(deps.db, async (tx) => {
      const ended = await tx.lease.updateMany({
        where: { id: continued, status: "active" },
        data: { status: "ended", endedAt: now },
      });
      if (ended.count === 0) return;
      await appendAuditEvent(tx, {
        guildId: actor.guildId,
        actorId: actor.discordId,
        action: "lease.ended",
        subjectType: "lease",
        subjectId: String(continued),
        payload: { from: "active", to: "ended", replacedBy: id },
        createdAt: now,
      });
    });
  }
  return decided;
}

/** The requester or the provider ends an active lease early: it is paid pro rata for what was delivered. */
export async function endLease(
  deps: Pick<ServiceDeps, "db" | "now">,
  actor: Actor,
  id: number,
  announce: LeaseAnnouncement = () => [],
) {
  const lease = await findLease(deps, actor.guildId, id);
  const party = [lease.request.requester.discordId, lease.node.provider.discordId];
  if (!party.includes(actor.discordId)) throw new UserError("not_lease_party", { id });
  return transition(deps, actor, id, "active", { status: "ended", endedAt: deps.now() }, "lease.ended", announce);
}

async function transition(
  deps: Pick<ServiceDeps, "db" | "now">,
  actor: Actor,
  id: number,
  from: "awaiting_approval" | "offered" | "active",
  data: Record<string, unknown>,
  action: string,
  announce: LeaseAnnouncement = () => [],
) {
  const now = deps.now();
  await runAudited(deps.db, async (tx) => {
    // Conditional on the state read: of two clicks at once, one moves the lease and the other is told it moved.
    const moved = await tx.lease.updateMany({ where: { id, status: from }, data });
    if (moved.count === 0) {
      const current = await tx.lease.findUniqueOrThrow({ where: { id } });
      throw new UserError("lease_not_in_state", { id, status: current.status, expected: from });
    }
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action,
      subjectType: "lease",
      subjectId: String(id),
      payload: { from, to: data.status as string },
      createdAt: now,
    });
    await enqueuePosts(tx, now, announce(await findLease({ db: tx }, actor.guildId, id)));
  });
  return findLease(deps, actor.guildId, id);
}

/** The actor's leases, as requester or as provider, newest first. */
export function listLeases(deps: Pick<ServiceDeps, "db">, actor: Actor) {
  return deps.db.lease.findMany({
    where: {
      guildId: actor.guildId,
      OR: [
        { request: { requester: { discordId: actor.discordId } } },
        { node: { provider: { discordId: actor.discordId } } },
      ],
    },
    include: leaseWith,
    orderBy: { id: "desc" },
    take: 10,
  });
}

export async function recordLeaseMessage(deps: Pick<ServiceDeps, "db">, id: number, messageId: string) {
  await deps.db.lease.update({ where: { id }, data: { messageId } });
}

export { findLease };

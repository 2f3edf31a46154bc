import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { releaseDistribution } from "../epochs/releaseDistribution.ts";
import { UserError } from "../errors.ts";
import { ensureMember } from "../members/ensureMember.ts";
import { findProposal } from "../proposals/findProposal.ts";
import { isPayoutKind, payoutOf } from "../proposals/payoutOf.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { requireReason } from "../requireText.ts";

async function pendingPayout(deps: Pick<ServiceDeps, "db">, actor: Actor, id: number) {
  const proposal = await findProposal(deps, actor.guildId, id);
  if (!isPayoutKind(proposal.kind)) throw new UserError("not_a_payout", { id });
  if (proposal.status !== "awaiting_approval")
    throw new UserError("approval_not_pending", { id, status: proposal.status });
  return proposal;
}

/** Locks the proposal row while it is still awaiting approval, so approvals and rejections apply one at a time. */
async function lockPending(tx: Parameters<Parameters<typeof runAudited>[1]>[0], id: number, now: Date) {
  const locked = await tx.proposal.updateMany({ where: { id, status: "awaiting_approval" }, data: { updatedAt: now } });
  if (locked.count === 0) {
    const current = await tx.proposal.findUniqueOrThrow({ where: { id } });
    throw new UserError("approval_not_pending", { id, status: current.status });
  }
}

/**
 * One moderator's approval (the caller checks the Moderator role). A moderator paid by the batch cannot approve
 * it; each approves once (unique per proposal and moderator). With enough approvals the proposal is approved.
 */
export async function approvePayout(deps: Pick<ServiceDeps, "db" | "governance" | "now">, actor: Actor, id: number) {
  const proposal = await pendingPayout(deps, actor, id);
  const wallets = await deps.db.wallet.findMany({
    where: { member: { guildId: actor.guildId, discordId: actor.discordId } },
  });
  const recipients = payoutOf(proposal).recipients;
  // Any wallet the moderator ever linked counts: unlinking before approving must not lift the conflict.
  const own = wallets.find((w) => recipients.has(w.address.toLowerCase()));
  if (own) throw new UserError("own_payout", { id, address: own.address });
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    await lockPending(tx, id, now);
    const required = proposal.approvalsRequired ?? deps.governance.approvalsRequired;
    const existing = await tx.approval.findUnique({
      where: { proposalId_moderatorId: { proposalId: id, moderatorId: actor.discordId } },
    });
    if (existing) {
      const approvals = await tx.approval.count({ where: { proposalId: id } });
      throw new UserError("already_approved", { id, approvals, required });
    }
    // A moderator who never acted before gets a member row: traces and the public page name them by it.
    await ensureMember(tx, actor, now);
    await tx.approval.create({ data: { proposalId: id, moderatorId: actor.discordId, createdAt: now } });
    const approvals = await tx.approval.count({ where: { proposalId: id } });
    const approved = approvals >= required;
    if (approved) await tx.proposal.update({ where: { id }, data: { status: "approved", approvedAt: now } });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: approved ? "proposal.approved" : "proposal.approval_added",
      subjectType: "proposal",
      subjectId: String(id),
      payload: { approvals, required, batchHash: proposal.batchHash },
      createdAt: now,
    });
    // The result shows the new count or the outcome, the proposal its status.
    await enqueuePosts(tx, now, [
      { guildId: actor.guildId, kind: "result", subjectId: id },
      { guildId: actor.guildId, kind: "proposal", subjectId: id },
    ]);
    return { approvals, required, approved, proposal };
  });
}

/** A moderator's rejection vetoes the payout: awaiting_approval → vetoed, with the reason, audited. */
export async function rejectPayout(deps: Pick<ServiceDeps, "db" | "now">, actor: Actor, id: number, reason: string) {
  const text = requireReason(reason);
  const proposal = await pendingPayout(deps, actor, id);
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    await lockPending(tx, id, now);
    const approvals = await tx.approval.count({ where: { proposalId: id } });
    await tx.proposal.update({
      where: { id },
      data: { status: "vetoed", vetoedBy: actor.discordId, vetoReason: text },
    });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "proposal.vetoed",
      subjectType: "proposal",
      subjectId: String(id),
      payload: { reason: text, approvalsBefore: approvals, batchHash: proposal.batchHash },
      createdAt: now,
    });
    await releaseDistribution(tx, proposal, actor.discordId, now);
    // The result shows the new count or the outcome, the proposal its status.
    await enqueuePosts(tx, now, [
      { guildId: actor.guildId, kind: "result", subjectId: id },
      { guildId: actor.guildId, kind: "proposal", subjectId: id },
    ]);
    return { proposal, approvals };
  });
}

import type { Prisma } from "../../generated/prisma/client.ts";
import { approvalsRequiredFor } from "../approvals/approvalsRequiredFor.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { ServiceDeps } from "../deps.ts";
import { releaseDistribution } from "../epochs/releaseDistribution.ts";
import { adoptPolicy } from "../policy/adoptPolicy.ts";
import { isPayoutKind, payoutOf } from "../proposals/payoutOf.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { resultOf } from "./resultOf.ts";

/**
 * Closes one expired proposal if nobody else has: the row is locked with SKIP LOCKED, so with several processes
 * exactly one closes it and the others move on. Votes in flight finish first (they hold the same row lock).
 * A passing payout proposal goes on to awaiting_approval, or straight to approved below AUTO_APPROVE_BELOW.
 */
async function closeOne(deps: Pick<ServiceDeps, "db" | "governance">, id: number, now: Date) {
  return runAudited(deps.db, async (tx: Prisma.TransactionClient) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`
      SELECT "id" FROM "Proposal"
      WHERE "id" = ${id} AND "status" = 'open' AND "endsAt" <= ${now}
      FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return null;
    const proposal = await tx.proposal.findUniqueOrThrow({ where: { id } });
    const votes = await tx.vote.findMany({
      where: { proposalId: id },
      select: { choice: true, weight: true, conflicted: true },
    });
    const result = resultOf(proposal, votes);
    const outcome = result[result.binding];
    await tx.proposal.update({
      where: { id },
      data: { status: outcome.status, closedAt: now, result: result as never },
    });
    const audit = (action: string, payload: Record<string, unknown>) =>
      appendAuditEvent(tx, {
        guildId: proposal.guildId,
        actorId: "system:close-votes",
        action,
        subjectType: "proposal",
        subjectId: String(id),
        payload,
        createdAt: now,
      });
    await audit(`proposal.${outcome.status}`, { binding: result.binding, result, batchHash: proposal.batchHash });
    let status: string = outcome.status;
    if (outcome.status !== "passed") await releaseDistribution(tx, proposal, "system:close-votes", now);
    // A passed policy proposal is adopted from the next epoch; it pays nothing, so it stops at passed.
    if (outcome.status === "passed" && proposal.kind === "policy")
      await adoptPolicy(tx, proposal, "system:close-votes", now);
    if (outcome.status === "passed" && isPayoutKind(proposal.kind)) {
      const total = payoutOf(proposal).total;
      const required = approvalsRequiredFor(deps, total);
      await tx.proposal.update({ where: { id }, data: { status: "awaiting_approval", approvalsRequired: required } });
      status = "awaiting_approval";
      if (required === 0) {
        await tx.proposal.update({ where: { id }, data: { status: "approved", approvedAt: now } });
        await audit("proposal.approved", {
          auto: true,
          total: total.toString(),
          autoApproveBelow: deps.governance.autoApproveBelow.toString(),
        });
        status = "approved";
      }
    }
    // The proposal shows the final tally; the result is posted (once) and carries the approval buttons.
    await enqueuePosts(tx, now, [
      { guildId: proposal.guildId, kind: "proposal", subjectId: id },
      { guildId: proposal.guildId, kind: "result", subjectId: id },
    ]);
    return { id, status, result };
  });
}

/** The close-votes job's work: every open proposal whose period has ended, each closed exactly once. */
export async function closeExpiredVotes(deps: Pick<ServiceDeps, "db" | "governance" | "now">) {
  const now = deps.now();
  const due = await deps.db.proposal.findMany({
    where: { status: "open", endsAt: { lte: now } },
    select: { id: true },
    orderBy: { endsAt: "asc" },
  });
  const closed = [];
  for (const { id } of due) {
    const done = await closeOne(deps, id, now);
    if (done) closed.push(done);
  }
  return closed;
}

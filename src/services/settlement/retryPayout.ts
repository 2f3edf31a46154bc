import { Prisma } from "../../generated/prisma/client.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";

/**
 * A moderator re-plans a proposal's failed chunks after fixing the cause. Still exactly once: the chunk keeps its
 * on-chain batch id (the distributor refuses it twice) and the settle run first asks the chain whether it was paid.
 */
export async function retryPayout(deps: Pick<ServiceDeps, "db" | "now">, actor: Actor, proposalId: number) {
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const proposal = await tx.proposal.findFirst({ where: { id: proposalId, guildId: actor.guildId } });
    if (!proposal) throw new UserError("proposal_not_found", { id: proposalId });
    const failed = await tx.payoutIntent.findMany({
      where: { proposalId, status: "failed" },
      orderBy: { chunkIndex: "asc" },
    });
    if (failed.length === 0) throw new UserError("nothing_to_retry", { id: proposalId, status: proposal.status });
    for (const i of failed) {
      await tx.payoutIntent.update({
        where: { id: i.id },
        data: {
          status: "planned",
          nonce: null,
          rawTx: null,
          txHash: null,
          blockNumber: null,
          gasUsed: null,
          failureReason: null,
          failure: Prisma.DbNull,
          attempts: { increment: 1 },
        },
      });
    }
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "payout.retried",
      subjectType: "proposal",
      subjectId: String(proposalId),
      payload: {
        chunks: failed.map((i) => ({
          chunk: i.chunkIndex,
          previousTx: i.txHash,
          reason: i.failure ?? i.failureReason,
        })),
      },
      createdAt: now,
    });
    return { chunks: failed.length };
  });
}

import type { PayoutFailure } from "../../../base/payoutFailure.ts";
import { type PayoutIntent, Prisma } from "../../../generated/prisma/client.ts";
import { appendAuditEvent } from "../../audit/appendAuditEvent.ts";
import { runAudited } from "../../audit/runAudited.ts";
import type { ServiceDeps } from "../../deps.ts";
import { enqueuePosts } from "../../publishing/enqueuePosts.ts";
import type { IntentOutcome } from "./intentOutcome.ts";

/** One step of an intent saved with its audit event (and what else the step records), in one transaction. */
export async function saveIntent(
  deps: Pick<ServiceDeps, "db" | "now">,
  intent: PayoutIntent,
  action: string,
  data: Partial<
    Pick<
      PayoutIntent,
      | "status"
      | "nonce"
      | "rawTx"
      | "txHash"
      | "blockNumber"
      | "gasUsed"
      | "confirmedAt"
      | "failureReason"
      | "sentAtBlock"
      | "stuckReason"
    >
  > & { safeBatch?: Prisma.InputJsonValue; sentTxs?: Prisma.InputJsonValue; failure?: PayoutFailure },
  payload: Record<string, unknown>,
  also?: (tx: Prisma.TransactionClient, guildId: string) => Promise<void>,
): Promise<PayoutIntent> {
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const proposal = await tx.proposal.findUniqueOrThrow({
      where: { id: intent.proposalId },
      select: { guildId: true },
    });
    // Moving on clears what stuck it before.
    const updated = await tx.payoutIntent.update({
      where: { id: intent.id },
      data: { stuckReason: null, stuck: Prisma.DbNull, ...data },
    });
    // A chunk exported for the Safe: its file is posted for the owners, through the outbox with this change.
    if (data.status === "awaiting_execution") {
      await enqueuePosts(tx, now, [{ guildId: proposal.guildId, kind: "safe_batch", subjectId: intent.id }]);
    }
    await also?.(tx, proposal.guildId);
    await appendAuditEvent(tx, {
      guildId: proposal.guildId,
      actorId: "system:settle",
      action,
      subjectType: "payout",
      subjectId: String(intent.id),
      payload: { proposalId: intent.proposalId, chunk: intent.chunkIndex, batchId: intent.batchId, ...payload },
      createdAt: now,
    });
    return updated;
  });
}

/**
 * The chunk failed for a reason a person must look at: recorded, never retried blindly. Its nonce is given back (no
 * transaction of it can be mined any more, or one was and reverted), so the next chunk is not held behind it.
 */
export async function failIntent(
  deps: Pick<ServiceDeps, "db" | "now">,
  intent: PayoutIntent,
  failure: PayoutFailure,
): Promise<IntentOutcome> {
  await saveIntent(
    deps,
    intent,
    "payout.failed",
    { status: "failed", failure, nonce: null },
    { failure, txHash: intent.txHash, nonce: intent.nonce },
  );
  return { state: "failed", failure };
}

import type { Prisma } from "../../generated/prisma/client.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { type EvaluationPolicyContent, recordPolicyVersion } from "../evaluations/evaluationPolicy.ts";
import { evaluationEpochNumber } from "./activePolicy.ts";

/**
 * The epoch an adopted policy governs first: the one after the epoch evaluations belong to now. Rewards already
 * evaluated in this epoch were earned under the rules members knew when they did the work, so they keep them.
 */
export const effectiveFromEpoch = (currentEpochNumber: number) => currentEpochNumber + 1;

/**
 * A policy proposal's vote passed: its candidate becomes a recorded policy version, effective from the next epoch,
 * audited (`policy.adopted`). Runs in close-votes' transaction, so the adoption and the passed status land
 * together; a proposal without a candidate (not a policy proposal) adopts nothing.
 */
export async function adoptPolicy(
  tx: Prisma.TransactionClient,
  proposal: { id: number; guildId: string },
  actorId: string,
  now: Date,
) {
  const candidate = await tx.policyProposal.findUnique({ where: { proposalId: proposal.id } });
  if (!candidate || candidate.adoptedVersion !== null) return null;
  const from = effectiveFromEpoch(await evaluationEpochNumber(tx, proposal.guildId));
  const content = candidate.content as unknown as EvaluationPolicyContent;
  const version = await recordPolicyVersion(tx, content, proposal.guildId, now);
  await tx.policyProposal.update({
    where: { proposalId: proposal.id },
    data: { adoptedVersion: version, effectiveFromEpoch: from, adoptedAt: now },
  });
  await appendAuditEvent(tx, {
    guildId: proposal.guildId,
    actorId,
    action: "policy.adopted",
    subjectType: "policy",
    subjectId: String(version),
    payload: {
      proposalId: proposal.id,
      version,
      sha256: candidate.sha256,
      baseVersion: candidate.baseVersion,
      effectiveFromEpoch: from,
    },
    createdAt: now,
  });
  return { version, effectiveFromEpoch: from };
}

import type { Prisma } from "../../generated/prisma/client.ts";
import type { EvaluationPolicyContent } from "../evaluations/evaluationPolicy.ts";
import { policyDiff } from "./parsePolicyChange.ts";
import type { PolicyRescoring } from "./rescoreAgreement.ts";

/** What a policy proposal's post shows, from what was stored when it was proposed (and adopted). */
export async function policyProposalFacts(db: Prisma.TransactionClient, proposalId: number) {
  const row = await db.policyProposal.findUnique({ where: { proposalId } });
  if (!row) return null;
  const base = await db.evaluationPolicy.findUnique({
    where: { guildId_version: { guildId: row.guildId, version: row.baseVersion } },
  });
  const content = row.content as unknown as EvaluationPolicyContent;
  const baseContent = (base?.content ?? null) as unknown as EvaluationPolicyContent | null;
  return {
    baseVersion: row.baseVersion,
    sha256: row.sha256,
    content,
    diff: baseContent ? policyDiff(baseContent, content) : [],
    rescoring: row.rescoring as unknown as PolicyRescoring,
    adoptedVersion: row.adoptedVersion,
    effectiveFromEpoch: row.effectiveFromEpoch,
  };
}

export type PolicyProposalFacts = NonNullable<Awaited<ReturnType<typeof policyProposalFacts>>>;

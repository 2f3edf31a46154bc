import { policyAgreements } from "../calibration/policyAgreements.ts";
import type { ServiceDeps } from "../deps.ts";
import { configuredPolicy, policySha256 } from "../evaluations/evaluationPolicy.ts";
import { activePolicy } from "./activePolicy.ts";
import { policyDiff } from "./parsePolicyChange.ts";

/**
 * `/policy show`: the policy evaluations follow now (adopted by a vote, or the configuration's), a vote's adoption
 * waiting for its epoch, the candidates still in vote, the versions with the jury's agreement, and how the
 * configuration differs from an adopted policy (the adopted one wins until a later vote).
 */
export async function policyStatus(deps: Pick<ServiceDeps, "db" | "evaluation">, guildId: string) {
  const { db } = deps;
  const active = await activePolicy(db, deps.evaluation, guildId);
  const sha256 = policySha256(active.content);
  const recorded = await db.evaluationPolicy.findUnique({
    where: { guildId_sha256: { guildId, sha256 } },
    select: { version: true },
  });
  const upcoming = await db.policyProposal.findMany({
    where: { guildId, adoptedVersion: { not: null }, effectiveFromEpoch: { gt: active.epochNumber } },
    orderBy: { effectiveFromEpoch: "asc" },
  });
  const candidates = await db.policyProposal.findMany({ where: { guildId, adoptedVersion: null } });
  const open = await db.proposal.findMany({
    where: { id: { in: candidates.map((c) => c.proposalId) }, status: { in: ["draft", "open"] } },
    select: { id: true, status: true, endsAt: true },
    orderBy: { id: "asc" },
  });
  const config = configuredPolicy(deps.evaluation);
  return {
    epochNumber: active.epochNumber,
    active: {
      version: recorded?.version ?? null,
      content: active.content,
      adoptedBy: active.adopted
        ? { proposalId: active.adopted.proposalId, effectiveFromEpoch: active.adopted.effectiveFromEpoch }
        : null,
    },
    upcoming: upcoming.map((u) => ({
      proposalId: u.proposalId,
      version: u.adoptedVersion as number,
      effectiveFromEpoch: u.effectiveFromEpoch as number,
    })),
    pending: open.map((p) => ({ proposalId: p.id, status: p.status, endsAt: p.endsAt })),
    versions: await policyAgreements(db, guildId, 10),
    /** Where the configuration says otherwise than the adopted policy (empty when none is adopted). */
    configDiffers: active.adopted ? policyDiff(active.content, config) : [],
  };
}

export type PolicyStatus = Awaited<ReturnType<typeof policyStatus>>;

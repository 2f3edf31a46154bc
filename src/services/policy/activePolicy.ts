import type { Prisma } from "../../generated/prisma/client.ts";
import type { EvaluationDeps } from "../deps.ts";
import { configuredPolicy, type EvaluationPolicyContent } from "../evaluations/evaluationPolicy.ts";

/** The policy adopted by a vote that governs an epoch, with where it came from. */
export interface AdoptedPolicy {
  proposalId: number;
  version: number;
  effectiveFromEpoch: number;
  content: EvaluationPolicyContent;
}

/**
 * The number of the epoch an evaluation made now belongs to: the open epoch, or, when none is open yet, the one
 * the next close will open (contributions join an epoch when it closes; until then they are the open one's).
 */
export async function evaluationEpochNumber(db: Prisma.TransactionClient, guildId: string): Promise<number> {
  const open = await db.epoch.findUnique({ where: { openFor: guildId }, select: { number: true } });
  if (open) return open.number;
  const last = await db.epoch.findFirst({ where: { guildId }, orderBy: { number: "desc" }, select: { number: true } });
  return (last?.number ?? 0) + 1;
}

/**
 * The policy a vote adopted for epoch `epochNumber`: the latest adoption effective from that epoch or an earlier
 * one (a later adoption replaces an earlier one); null when no vote has adopted one yet (the configuration rules).
 */
export async function adoptedPolicyFor(
  db: Prisma.TransactionClient,
  guildId: string,
  epochNumber: number,
): Promise<AdoptedPolicy | null> {
  const adoption = await db.policyProposal.findFirst({
    where: { guildId, adoptedVersion: { not: null }, effectiveFromEpoch: { lte: epochNumber } },
    orderBy: [{ effectiveFromEpoch: "desc" }, { adoptedAt: "desc" }, { proposalId: "desc" }],
  });
  if (!adoption || adoption.adoptedVersion === null || adoption.effectiveFromEpoch === null) return null;
  return {
    proposalId: adoption.proposalId,
    version: adoption.adoptedVersion,
    effectiveFromEpoch: adoption.effectiveFromEpoch,
    content: adoption.content as unknown as EvaluationPolicyContent,
  };
}

/**
 * The policy evaluations made now follow: the one a vote adopted for the current epoch, which overrides the
 * configuration's rubric weights, caps, model and prompt version until a later vote; otherwise the configuration's.
 */
export async function activePolicy(
  db: Prisma.TransactionClient,
  evaluation: Pick<EvaluationDeps, "rubric" | "policy" | "evaluator">,
  guildId: string,
): Promise<{ content: EvaluationPolicyContent; adopted: AdoptedPolicy | null; epochNumber: number }> {
  const epochNumber = await evaluationEpochNumber(db, guildId);
  const adopted = await adoptedPolicyFor(db, guildId, epochNumber);
  return { content: adopted?.content ?? configuredPolicy(evaluation), adopted, epochNumber };
}

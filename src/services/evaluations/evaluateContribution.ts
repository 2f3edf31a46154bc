import { createHash } from "node:crypto";
import type { Permits } from "../../base/createPermits.ts";
import type { LinkFacts } from "../../base/githubFacts.ts";
import { linksInText } from "../../base/parseLink.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Flag } from "../../llm/evaluationTypes.ts";
import type { LlmEvaluate } from "../../llm/llmEvaluator.ts";
import { submissionEvidence } from "../../llm/rubricEvaluator.ts";
import { nearestDuplicate } from "../../llm/textShingles.ts";
import { verifiedWork } from "../../llm/verifiedWork.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { canonicalJson } from "../audit/canonicalJson.ts";
import { runAudited } from "../audit/runAudited.ts";
import { writeGithubClaims } from "../contributions/contributionIndex.ts";
import type { ServiceDeps } from "../deps.ts";
import { claimedByNodeId } from "../github/claimedByNodeId.ts";
import { judgeAuthorship, refusedPulls } from "../github/judgeFacts.ts";
import { readContributionFacts } from "../github/readContributionFacts.ts";
import { splitWork } from "../github/splitWork.ts";
import { activePolicy } from "../policy/activePolicy.ts";
import { policyEvaluation } from "../policy/policyEvaluation.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { buildEvaluationInput } from "./buildEvaluationInput.ts";
import { recordPolicyVersion } from "./evaluationPolicy.ts";
import { runEvaluator } from "./runEvaluator.ts";
import { suggestReward } from "./suggestReward.ts";

export interface EvaluateOptions {
  purpose?: "initial" | "appeal" | "rerun";
  samples?: number;
  llm?: LlmEvaluate | undefined;
  /** Make the new evaluation the active one (initial runs do; an appeal's second pass waits for a moderator). */
  activate?: boolean;
  actorId?: string;
  /** Steward is stopping: GitHub reads in flight are aborted and nothing is stored (`FactsReadStopped`). */
  signal?: AbortSignal | undefined;
  /** Model calls at once across the job's evaluations (EVAL_CONCURRENCY); unlimited when absent. */
  modelCalls?: Permits | undefined;
}

/**
 * Evaluates a contribution the caller has claimed (status `evaluating`) and stores the result with everything
 * needed to audit and reproduce it. The model call runs outside any transaction; the write is one transaction
 * that only lands if the contribution is still `evaluating` (a withdrawal meanwhile wins).
 */
export async function evaluateContribution(
  deps: Pick<ServiceDeps, "db" | "evaluation" | "metrics" | "now" | "github">,
  contributionId: number,
  options: EvaluateOptions = {},
) {
  const purpose = options.purpose ?? "initial";
  const activate = options.activate ?? true;
  const contribution = await deps.db.contribution.findUniqueOrThrow({
    where: { id: contributionId },
    include: { author: true },
  });
  // GitHub's facts first, outside any transaction: bounded by GITHUB_FACTS_TIMEOUT, after which links stay claims.
  const read = await readContributionFacts(
    deps,
    [...contribution.links, ...linksInText(contribution.description)],
    options.signal,
  );
  const account =
    read && read.length > 0
      ? await deps.db.githubAccount.findUnique({ where: { memberId: contribution.authorId } })
      : null;
  const githubFacts = read && judgeAuthorship(read, account);
  const input = await buildEvaluationInput(deps, contribution);
  if (githubFacts) {
    input.githubFacts = githubFacts;
    // The same PR however its link is written or its repository renamed: GitHub's node id.
    const sameNode = await claimedByNodeId(deps, contribution, githubFacts);
    const known = new Set((input.claimedElsewhere ?? []).map((c) => `${c.key}|${c.contributionId}`));
    const added = sameNode.filter((c) => !known.has(`${c.key}|${c.contributionId}`));
    if (added.length > 0) input.claimedElsewhere = [...(input.claimedElsewhere ?? []), ...added];
  }
  const inputHash = createHash("sha256").update(canonicalJson(input)).digest("hex");
  // The policy of the epoch this evaluation belongs to: the one a vote adopted for it, else the configuration's.
  const { content: policyContent } = await activePolicy(deps.db, deps.evaluation, contribution.guildId);
  const governed = policyEvaluation(deps.evaluation, policyContent);
  const outcome = await runEvaluator(
    { ...deps.evaluation, rubric: governed.rubric },
    input,
    options.samples,
    options.llm ?? governed.llm,
    options.modelCalls,
  );
  const { run } = outcome;
  // The category's expected evidence, found or not, whichever evaluator scored; the rubric's reasons as facts.
  const explanation = {
    category: input.category,
    evidence: submissionEvidence(input, governed.rubric),
    ...(run.explanation ? { criteria: run.explanation.criteria, rationale: run.explanation.rationale } : {}),
  };
  // Whatever the evaluator said: a link another contribution already claimed, and a copy of earlier work however
  // lightly edited, are held for a person to look at.
  if ((input.claimedElsewhere?.length ?? 0) > 0) {
    run.draft.flags = [...new Set([...run.draft.flags, "possible_duplicate_claim", "needs_human"] as const)];
  }
  const copied = nearestDuplicate(`${input.title}\n${input.description}`, input.earlier);
  if (copied) {
    run.draft.flags = [...new Set([...run.draft.flags, "possible_duplicate", "needs_human"] as const)];
    // The moderator who looks needs to know what it copies; the rubric's rationale says it already.
    const which = `${Math.round(copied.score * 100)}% similar to contribution #${copied.id}`;
    if (!run.draft.rationale.includes(which))
      run.draft.rationale = `${run.draft.rationale} (It is ${which}.)`.slice(0, 1000);
  }
  // A PR someone else authored earns nothing (the evaluators leave it out); the evaluation says so.
  if (refusedPulls(githubFacts).length > 0)
    run.draft.flags = [...new Set([...run.draft.flags, "not_authors_work" as const])];
  // GitHub's rules, whatever the evaluator said: a reverted PR and work split over several contributions are held
  // for a person; a self-merged PR in the author's own repository and a trivially small change are paid at most what
  // the rubric gives them (it scores the first as unreviewed work, the second as the small change it is).
  const work = verifiedWork(githubFacts);
  const ruleFlags: Flag[] = [];
  if (work.reverted.length > 0) ruleFlags.push("reverted", "needs_human");
  if (work.selfMerged.length > 0) ruleFlags.push("self_merged");
  if (githubFacts && (await splitWork(deps, contribution, githubFacts)).length > 0)
    ruleFlags.push("split_work", "needs_human");
  if (ruleFlags.length > 0) run.draft.flags = [...new Set([...run.draft.flags, ...ruleFlags])];
  const injection = run.draft.flags.includes("prompt_injection_suspected");
  // The unreviewed rate, and a trivially small change's: at most what the rubric evaluator gives.
  const rubricCeiling = work.selfMerged.length > 0 || work.trivial;
  const reward = suggestReward(
    governed.policy,
    governed.rubric,
    contribution.category,
    run.draft.total,
    injection || rubricCeiling ? outcome.rubricTotal : undefined,
  );
  const { prices } = deps.evaluation;
  const costMicroUsd = Math.round(run.promptTokens * prices.inputPerMTok + run.completionTokens * prices.outputPerMTok);
  const now = deps.now();
  if (outcome.evaluator === "llm" || outcome.fallbackReason) {
    deps.metrics.llmCall(
      run.model,
      outcome.fallbackReason ? "fallback" : "ok",
      run.promptTokens,
      run.completionTokens,
      costMicroUsd,
    );
  }

  return runAudited(deps.db, async (tx) => {
    if (purpose === "initial") {
      const moved = await tx.contribution.updateMany({
        where: { id: contributionId, status: "evaluating" },
        data: { status: "evaluated", evaluationClaimedAt: null, evaluationClaimedBy: null },
      });
      if (moved.count === 0) return null;
    }
    if (activate) {
      await tx.evaluation.updateMany({ where: { activeFor: contributionId }, data: { activeFor: null } });
      // The PRs it claims on GitHub are those its active evaluation verified: a later contribution finds them by index.
      if (githubFacts) await writeGithubClaims(tx, contribution, githubFacts);
    }
    // The policy (rubric, caps, evaluator) it was made under, recorded as a new version the first time it is used.
    const policyVersion = await recordPolicyVersion(tx, policyContent, contribution.guildId, now);
    const evaluation = await tx.evaluation.create({
      data: {
        contributionId,
        activeFor: activate ? contributionId : null,
        purpose,
        evaluator: outcome.evaluator,
        model: run.model,
        promptVersion: run.promptVersion,
        promptSha256: run.promptSha256,
        rubricVersion: governed.rubric.version,
        policyVersion,
        inputHash,
        temperature: run.temperature,
        samples: outcome.samples,
        spread: outcome.spread,
        scores: run.draft.scores,
        total: run.draft.total,
        confidence: run.draft.confidence,
        rationale: run.draft.rationale,
        evidence: run.draft.evidence,
        droppedQuotes: run.draft.droppedQuotes,
        flags: run.draft.flags,
        suggestedReward: reward.toString(),
        promptTokens: run.promptTokens,
        completionTokens: run.completionTokens,
        costMicroUsd,
        latencyMs: run.latencyMs,
        attempts: run.attempts,
        fallbackReason: outcome.fallbackReason ?? null,
        ...(githubFacts ? { githubFacts } : {}),
        explanation: explanation as unknown as Prisma.InputJsonValue,
        createdAt: now,
      },
    });
    // Its announcement, and the contribution's post showing it evaluated: sent by the publisher, not awaited here.
    if (purpose === "initial") {
      await enqueuePosts(tx, now, [
        { guildId: contribution.guildId, kind: "evaluation", subjectId: evaluation.id },
        { guildId: contribution.guildId, kind: "contribution", subjectId: contributionId },
      ]);
    }
    // The audit event last: the chain's lock is held from here to the commit.
    await appendAuditEvent(tx, {
      guildId: contribution.guildId,
      actorId: options.actorId ?? "system:evaluate",
      action: "evaluation.created",
      subjectType: "contribution",
      subjectId: String(contributionId),
      payload: {
        evaluationId: evaluation.id,
        purpose,
        evaluator: outcome.evaluator,
        model: run.model,
        promptSha256: run.promptSha256,
        rubricVersion: governed.rubric.version,
        policyVersion,
        inputHash,
        total: run.draft.total,
        suggestedReward: reward.toString(),
        flags: run.draft.flags,
        fallbackReason: outcome.fallbackReason ?? null,
        ...(githubFacts ? { githubFacts: githubFacts.map(auditedFacts) } : {}),
      },
      createdAt: now,
    });
    return evaluation;
  });
}

/** A link's facts as the audit trail keeps them: what was decided on, without the ETags. */
function auditedFacts(f: LinkFacts) {
  if (f.status === "claim") return { key: f.key, status: f.status, reason: f.reason, readAt: f.readAt };
  const what = f.pr ?? f.issue;
  return {
    key: f.key,
    status: f.status,
    readAt: f.readAt,
    nodeId: what?.nodeId ?? f.commit?.sha ?? null,
    author: what?.author ?? f.commit?.author ?? null,
    ...(f.pr ? { merged: f.pr.merged, mergedBy: f.pr.mergedBy } : {}),
  };
}

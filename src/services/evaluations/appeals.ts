import { isUniqueViolation } from "../../db/isUniqueViolation.ts";
import { readGithubFacts } from "../../db/json/githubFacts.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import { refuseIfSettledOrWithdrawn, refuseSelfDealing } from "../conflicts/refuseSelfDealing.ts";
import { writeGithubClaims } from "../contributions/contributionIndex.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { requireReason } from "../requireText.ts";
import { evaluateContribution } from "./evaluateContribution.ts";

/**
 * Files the author's appeal against the active evaluation (once per evaluation, within the appeal window). The
 * second pass runs afterwards in the evaluate job (`runAppealSecondPass`): it can take minutes (several samples,
 * retries), longer than a Discord interaction may wait.
 */
export async function fileAppeal(deps: ServiceDeps, author: Actor, contributionId: number, reasonInput: string) {
  const reason = requireReason(reasonInput);
  const contribution = await deps.db.contribution.findFirst({
    where: { id: contributionId, guildId: author.guildId },
    include: { author: true },
  });
  if (!contribution) throw new UserError("contribution_not_found", { id: contributionId });
  if (contribution.author.discordId !== author.discordId)
    throw new UserError("not_author_appeal", { id: contributionId });
  await refuseIfSettledOrWithdrawn(deps.db, contribution, "appeal");
  const evaluation = await deps.db.evaluation.findUnique({
    where: { activeFor: contributionId },
    include: { appeal: true },
  });
  if (!evaluation) throw new UserError("not_evaluated_yet", { id: contributionId, status: contribution.status });
  if (evaluation.appeal)
    throw new UserError("appeal_exists", { id: evaluation.appeal.id, status: evaluation.appeal.status });
  const closesAt = new Date(evaluation.createdAt.getTime() + deps.evaluation.appeal.windowMs);
  const now = deps.now();
  if (now > closesAt) throw new UserError("appeal_window_closed", { closedAt: closesAt });

  let appeal: Awaited<ReturnType<typeof deps.db.appeal.create>>;
  try {
    appeal = await runAudited(deps.db, async (tx) => {
      const created = await tx.appeal.create({
        data: {
          contributionId,
          evaluationId: evaluation.id,
          authorDiscordId: author.discordId,
          reason,
          createdAt: now,
        },
      });
      await appendAuditEvent(tx, {
        guildId: author.guildId,
        actorId: author.discordId,
        action: "appeal.filed",
        subjectType: "contribution",
        subjectId: String(contributionId),
        payload: { appealId: created.id, evaluationId: evaluation.id, reason },
        createdAt: now,
      });
      return created;
    });
  } catch (error) {
    // Two appeals racing for the same evaluation: the unique evaluationId lets one through.
    if (isUniqueViolation(error)) {
      const existing = await deps.db.appeal.findUnique({ where: { evaluationId: evaluation.id } });
      if (existing) throw new UserError("appeal_exists", { id: existing.id, status: existing.status });
    }
    throw error;
  }

  return { appeal, original: evaluation, contribution };
}

/** Open appeals whose second pass has not run yet (just filed, or the process stopped during it). */
export async function appealsAwaitingSecondPass(deps: Pick<ServiceDeps, "db">) {
  const rows = await deps.db.appeal.findMany({
    where: { status: "open", secondEvaluationId: null },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}

/**
 * The second pass of an appeal: another model when APPEAL_MODEL is set, else more samples. The evaluation is
 * stored inactive; a moderator's Accept makes it the active one. Recorded only if no other run recorded one first.
 */
export async function runAppealSecondPass(
  deps: Pick<ServiceDeps, "db" | "evaluation" | "metrics" | "now" | "github">,
  appealId: number,
  signal?: AbortSignal,
) {
  const appeal = await deps.db.appeal.findUniqueOrThrow({ where: { id: appealId } });
  if (appeal.secondEvaluationId !== null || appeal.status !== "open") return false;
  const { appeal: second } = deps.evaluation;
  const secondPass = await evaluateContribution(deps, appeal.contributionId, {
    purpose: "appeal",
    activate: false,
    llm: second.llm ?? deps.evaluation.llm,
    samples: second.samples,
    actorId: appeal.authorDiscordId,
    signal,
  });
  if (!secondPass) return false;
  return deps.db.$transaction(async (tx) => {
    const recorded = await tx.appeal.updateMany({
      where: { id: appealId, secondEvaluationId: null },
      data: { secondEvaluationId: secondPass.id },
    });
    if (recorded.count === 0) return false;
    // Posted beside the contribution with both passes, for a moderator to decide.
    const { guildId } = await tx.contribution.findUniqueOrThrow({
      where: { id: appeal.contributionId },
      select: { guildId: true },
    });
    await enqueuePosts(tx, deps.now(), [{ guildId, kind: "appeal", subjectId: appealId }]);
    return true;
  });
}

export async function recordAppealMessage(
  deps: Pick<ServiceDeps, "db">,
  appealId: number,
  channelId: string,
  messageId: string,
) {
  await deps.db.appeal.update({ where: { id: appealId }, data: { channelId, messageId } });
}

/** A moderator accepts (the second pass becomes active) or rejects (the original stays) an open appeal. */
export async function resolveAppeal(
  deps: Pick<ServiceDeps, "db" | "now">,
  moderator: Actor,
  appealId: number,
  accept: boolean,
) {
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const appeal = await tx.appeal.findUnique({ where: { id: appealId }, include: { evaluation: true } });
    const contribution = appeal
      ? await tx.contribution.findFirst({ where: { id: appeal.contributionId, guildId: moderator.guildId } })
      : null;
    if (!appeal || !contribution) throw new UserError("appeal_not_found", { id: appealId });
    await refuseSelfDealing(tx, moderator, contribution, "appeal");
    if (appeal.status === "open") await refuseIfSettledOrWithdrawn(tx, contribution, "appeal");
    const status = accept ? "accepted" : "rejected";
    const moved = await tx.appeal.updateMany({
      where: { id: appealId, status: "open" },
      data: { status, resolvedBy: moderator.discordId, resolvedAt: now },
    });
    if (moved.count === 0) throw new UserError("appeal_resolved", { id: appealId, status: appeal.status });
    // Accepting means "the second pass counts": there must be one.
    if (accept && !appeal.secondEvaluationId) throw new UserError("appeal_second_pass_pending", { id: appealId });
    if (accept && appeal.secondEvaluationId) {
      await tx.evaluation.updateMany({ where: { activeFor: appeal.contributionId }, data: { activeFor: null } });
      // A moderator read both evaluations to decide: that is the human look a flagged second pass waits for.
      const second = await tx.evaluation.update({
        where: { id: appeal.secondEvaluationId },
        data: { activeFor: appeal.contributionId, reviewedBy: moderator.discordId, reviewedAt: now },
      });
      // Its GitHub facts are now the contribution's claims (a second pass without them leaves the first's).
      const facts = readGithubFacts(second);
      if (facts) await writeGithubClaims(tx, contribution, facts);
    }
    await appendAuditEvent(tx, {
      guildId: moderator.guildId,
      actorId: moderator.discordId,
      action: accept ? "appeal.accepted" : "appeal.rejected",
      subjectType: "contribution",
      subjectId: String(appeal.contributionId),
      payload: { appealId, originalEvaluationId: appeal.evaluationId, secondEvaluationId: appeal.secondEvaluationId },
      createdAt: now,
    });
    // Its post shows the decision and loses its buttons; one never made (refused by Discord) is not made any more,
    // unless it is being sent right now (then it is brought up to date after).
    if (appeal.messageId) {
      await enqueuePosts(tx, now, [{ guildId: moderator.guildId, kind: "appeal", subjectId: appealId }]);
    } else {
      const dropped = await tx.pendingPost.deleteMany({
        where: { kind: "appeal", subjectId: appealId, claimedBy: null },
      });
      if (dropped.count === 0) {
        await enqueuePosts(tx, now, [{ guildId: moderator.guildId, kind: "appeal", subjectId: appealId }]);
      }
    }
    return { ...appeal, status };
  });
}

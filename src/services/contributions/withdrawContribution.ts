import type { ContributionStatus } from "../../generated/prisma/client.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";

/** Statuses from which the author may still withdraw: anything before the evaluation is final. */
export const WITHDRAWABLE: ContributionStatus[] = ["submitted", "evaluating", "evaluated"];

export async function withdrawContribution(deps: Pick<ServiceDeps, "db" | "now">, actor: Actor, id: number) {
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const contribution = await tx.contribution.findFirst({
      where: { id, guildId: actor.guildId },
      include: { author: true },
    });
    if (!contribution) throw new UserError("contribution_not_found", { id });
    if (contribution.author.discordId !== actor.discordId) throw new UserError("not_contribution_author", { id });
    // The status guard in the WHERE makes a concurrent evaluation or second withdrawal lose cleanly.
    const { count } = await tx.contribution.updateMany({
      where: { id, status: { in: WITHDRAWABLE } },
      data: { status: "withdrawn", withdrawnAt: now },
    });
    if (count === 0) throw new UserError("contribution_not_withdrawable", { id, status: contribution.status });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "contribution.withdrawn",
      subjectType: "contribution",
      subjectId: String(id),
      payload: { previousStatus: contribution.status },
      createdAt: now,
    });
    // The public post shows it withdrawn.
    await enqueuePosts(tx, now, [{ guildId: actor.guildId, kind: "contribution", subjectId: id }]);
    return { ...contribution, status: "withdrawn" as const, withdrawnAt: now };
  });
}

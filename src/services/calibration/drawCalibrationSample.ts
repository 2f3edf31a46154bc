import type { Prisma } from "../../generated/prisma/client.ts";
import { appendAuditEvent, GENESIS_HASH } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { ServiceDeps } from "../deps.ts";
import { ensureOpenEpoch } from "../epochs/ensureOpenEpoch.ts";
import { UserError } from "../errors.ts";
import { drawSample } from "./drawSample.ts";

/**
 * The open epoch's jury sample, drawn on first use (a juror's `/jury next`, or a moderator) and never again: the
 * epoch's id is unique on the sample. The candidates are the contributions the epoch's close would count
 * (evaluated, in no epoch yet); with none, nothing is drawn and null is returned, so a later call can draw.
 */
export async function drawCalibrationSample(
  deps: Pick<ServiceDeps, "calibration" | "db" | "epochs" | "now">,
  guildId: string,
  actorId: string,
) {
  const percent = deps.calibration.percent;
  if (percent === null) throw new UserError("jury_off", {});
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const epoch = await ensureOpenEpoch(tx, guildId, deps.epochs.budget, now);
    const existing = await tx.calibrationSample.findUnique({ where: { epochId: epoch.id }, include: { items: true } });
    if (existing) return { sample: existing, epoch, drawn: false };
    const candidates = await tx.evaluation.findMany({
      where: { contribution: { guildId, epochId: null, status: "evaluated" }, activeFor: { not: null } },
      select: { id: true, contributionId: true },
      orderBy: { contributionId: "asc" },
    });
    if (candidates.length === 0) return { sample: null, epoch, drawn: false };
    const seed = await chainHead(tx);
    const population = candidates.map((c) => c.contributionId);
    const chosen = drawSample(seed, population, percent);
    const evaluationOf = new Map(candidates.map((c) => [c.contributionId, c.id]));
    const sample = await tx.calibrationSample.create({
      data: {
        guildId,
        epochId: epoch.id,
        seed,
        population,
        size: chosen.length,
        drawnBy: actorId,
        createdAt: now,
        items: {
          create: chosen.map((contributionId) => ({
            contributionId,
            evaluationId: evaluationOf.get(contributionId) as number,
          })),
        },
      },
      include: { items: true },
    });
    await appendAuditEvent(tx, {
      guildId,
      actorId,
      action: "calibration.drawn",
      subjectType: "epoch",
      subjectId: String(epoch.id),
      payload: { seed, percent, population, sampled: chosen },
      createdAt: now,
    });
    return { sample, epoch, drawn: true };
  });
}

/** The audit chain's head hash: the seed nobody picks. */
async function chainHead(tx: Prisma.TransactionClient): Promise<string> {
  const head = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  return head?.hash ?? GENESIS_HASH;
}

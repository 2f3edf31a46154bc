import type { Prisma } from "../../generated/prisma/client.ts";
import type { Rubric } from "../../llm/rubric.ts";
import type { CriterionAgreement } from "./agreement.ts";
import { epochAgreement } from "./epochAgreement.ts";

/** One epoch's jury: how many items it sampled and how well the model agreed with the jurors who scored them. */
export interface EpochJury {
  guildId: string;
  epoch: number;
  /** `open`: the epoch's jury is still scoring. */
  status: string;
  sampled: number;
  items: number;
  jurors: number;
  reviews: number;
  overall: CriterionAgreement;
  criteria: CriterionAgreement[];
}

/**
 * The jury's agreement with the model per epoch that drew a sample, newest first: `guildId` for one guild (the
 * transparency page), or every guild's latest (`latestOnly`, the metrics).
 */
export async function juryAgreements(
  db: Prisma.TransactionClient,
  rubric: Rubric,
  options: { guildId?: string; limit?: number; latestOnly?: boolean },
): Promise<EpochJury[]> {
  const samples = await db.calibrationSample.findMany({
    where: options.guildId ? { guildId: options.guildId } : {},
    orderBy: { epochId: "desc" },
    select: { guildId: true, epochId: true },
    ...(options.limit ? { take: options.limit } : {}),
  });
  const seen = new Set<string>();
  const chosen = options.latestOnly ? samples.filter((s) => !seen.has(s.guildId) && seen.add(s.guildId)) : samples;
  const epochs = await db.epoch.findMany({
    where: { id: { in: chosen.map((s) => s.epochId) } },
    select: { id: true, number: true, status: true },
  });
  const epochOf = new Map(epochs.map((e) => [e.id, e]));
  const out: EpochJury[] = [];
  for (const s of chosen) {
    const a = await epochAgreement(db, rubric, s.epochId);
    const e = epochOf.get(s.epochId);
    if (!a || !e) continue;
    out.push({
      guildId: s.guildId,
      epoch: e.number,
      status: e.status,
      sampled: a.sampled,
      items: a.items,
      jurors: a.jurors,
      reviews: a.reviews,
      overall: a.overall,
      criteria: a.criteria,
    });
  }
  return out;
}

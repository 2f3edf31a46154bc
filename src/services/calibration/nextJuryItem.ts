import type { Actor, ServiceDeps } from "../deps.ts";
import { drawCalibrationSample } from "./drawCalibrationSample.ts";
import { jurorConflict, requireJuror } from "./refuseJuror.ts";

/** What a juror sees of a sampled contribution: its work, never its author nor the model's scores. */
export interface BlindItem {
  itemId: number;
  title: string;
  description: string;
  category: string;
  links: string[];
  hours: string | null;
  criteria: { name: string; description: string }[];
}

/**
 * The juror's next unscored item of the open epoch's sample (drawn now if it was not yet), BLIND: the contribution's
 * text and evidence only. Items the juror is conflicted on are skipped, never shown. Null when nothing is left.
 */
export async function nextJuryItem(
  deps: Pick<ServiceDeps, "calibration" | "db" | "epochs" | "evaluation" | "now">,
  juror: Actor,
  roles: readonly string[],
): Promise<{ item: BlindItem | null; remaining: number; sampled: number; epochNumber: number }> {
  requireJuror(deps, roles);
  const { sample, epoch } = await drawCalibrationSample(deps, juror.guildId, juror.discordId);
  if (!sample) return { item: null, remaining: 0, sampled: 0, epochNumber: epoch.number };
  const member = await deps.db.member.findUnique({
    where: { guildId_discordId: { guildId: juror.guildId, discordId: juror.discordId } },
    select: { id: true },
  });
  const reviewed = member
    ? await deps.db.jurorReview.findMany({
        where: { jurorId: member.id, item: { sampleId: sample.id } },
        select: { itemId: true },
      })
    : [];
  const done = new Set(reviewed.map((r) => r.itemId));
  const open = [...sample.items].filter((i) => !done.has(i.id)).sort((a, b) => a.id - b.id);
  const contributions = await deps.db.contribution.findMany({
    where: { id: { in: open.map((i) => i.contributionId) } },
  });
  const byId = new Map(contributions.map((c) => [c.id, c]));
  const eligible = [];
  for (const i of open) {
    const c = byId.get(i.contributionId);
    if (c && (await jurorConflict(deps.db, juror, c.authorId)) === null) eligible.push({ item: i, contribution: c });
  }
  const first = eligible[0];
  const criteria = deps.evaluation.rubric.criteria.map((c) => ({ name: c.name, description: c.description }));
  return {
    item: first
      ? {
          itemId: first.item.id,
          title: first.contribution.title,
          description: first.contribution.description,
          category: first.contribution.category,
          links: first.contribution.links,
          hours: first.contribution.hours?.toString() ?? null,
          criteria,
        }
      : null,
    remaining: eligible.length,
    sampled: sample.items.length,
    epochNumber: epoch.number,
  };
}

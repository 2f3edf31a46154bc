import type { ContributionCategory } from "../../generated/prisma/client.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";

const ALL_BPS = 10_000;

/** A share typed by a person ("15%", "15", "12.5 %") in basis points (1,500), or null when it is not one. */
export function parseShareBps(input: string): number | null {
  const match = /^\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*$/.exec(input);
  if (!match) return null;
  const bps = Math.round(Number((match[1] as string).replace(",", ".")) * 100);
  return bps <= ALL_BPS ? bps : null;
}

/** What setting a floor did: the floor before and after (0: none), and every floor of the guild now. */
export interface BudgetFloorChange {
  category: ContributionCategory;
  previousBps: number;
  shareBps: number;
  floors: { category: ContributionCategory; shareBps: number }[];
}

/**
 * A moderator sets (or, with 0 %, removes) a category's floor: the share of each epoch's budget its contributions
 * receive first when the budget falls short. The floors of a guild sum to at most 100 %. Audited.
 */
export async function setBudgetFloor(
  deps: Pick<ServiceDeps, "db" | "now">,
  moderator: Actor,
  params: { category: ContributionCategory; share: string },
): Promise<BudgetFloorChange> {
  const shareBps = parseShareBps(params.share);
  if (shareBps === null) throw new UserError("invalid_share", { input: params.share });
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    // Serialises floor changes of one guild: two moderators at once cannot together pass 100 %.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`budget-floors:${moderator.guildId}`}))`;
    const current = await tx.budgetFloor.findMany({ where: { guildId: moderator.guildId } });
    const previousBps = current.find((f) => f.category === params.category)?.shareBps ?? 0;
    const othersBps = current.filter((f) => f.category !== params.category).reduce((n, f) => n + f.shareBps, 0);
    if (othersBps + shareBps > ALL_BPS) {
      throw new UserError("budget_floors_over", { category: params.category, shareBps, othersBps });
    }
    const key = { guildId_category: { guildId: moderator.guildId, category: params.category } };
    if (shareBps === 0)
      await tx.budgetFloor.deleteMany({ where: { guildId: moderator.guildId, category: params.category } });
    else {
      const data = { shareBps, setBy: moderator.discordId, setAt: now };
      await tx.budgetFloor.upsert({
        where: key,
        create: { guildId: moderator.guildId, category: params.category, ...data },
        update: data,
      });
    }
    await appendAuditEvent(tx, {
      guildId: moderator.guildId,
      actorId: moderator.discordId,
      action: "budget_floor.set",
      subjectType: "budget_floor",
      subjectId: params.category,
      payload: { category: params.category, previousBps, shareBps },
      createdAt: now,
    });
    const floors = await tx.budgetFloor.findMany({
      where: { guildId: moderator.guildId },
      orderBy: { category: "asc" },
    });
    return {
      category: params.category,
      previousBps,
      shareBps,
      floors: floors.map((f) => ({ category: f.category, shareBps: f.shareBps })),
    };
  });
}

/** A guild's floors, by category (what an epoch's close applies). */
export async function budgetFloors(
  db: Pick<ServiceDeps["db"], "budgetFloor">,
  guildId: string,
): Promise<Map<ContributionCategory, number>> {
  const rows = await db.budgetFloor.findMany({ where: { guildId }, orderBy: { category: "asc" } });
  return new Map(rows.map((r) => [r.category, r.shareBps]));
}

import type { HeldLineProblemRecord } from "../../../base/heldLineProblem.ts";
import { readHeldLineProblem } from "../../../db/json/heldLineProblem.ts";
import type { HeldLine } from "../../../generated/prisma/client.ts";
import type { Actor, ServiceDeps } from "../../deps.ts";
import { addressesOf } from "./findHeldLine.ts";

/** The lines of the actor's past payouts that the distributor holds for them (claimable), newest first. */
export async function listHeldLines(
  deps: Pick<ServiceDeps, "db">,
  actor: Actor,
): Promise<(HeldLine & { lastProblem: HeldLineProblemRecord | null })[]> {
  const addresses = await addressesOf(deps, actor.guildId, actor.discordId);
  if (addresses.length === 0) return [];
  const lines = await deps.db.heldLine.findMany({
    where: {
      guildId: actor.guildId,
      status: { in: ["held", "claim_signed", "return_asked", "sent"] },
      OR: addresses.map((a) => ({ recipient: { equals: a, mode: "insensitive" as const } })),
    },
    orderBy: { id: "desc" },
    take: 25,
  });
  return lines.map((l) => ({ ...l, lastProblem: readHeldLineProblem(l) }));
}

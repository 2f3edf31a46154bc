import type { PayoutIntent } from "../../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../deps.ts";
import { holdingNonces } from "../holdingNonces.ts";
import type { SettlementDeps } from "../settlementDeps.ts";

/** Whether no unfinished intent of this treasury holds a nonce from `from` up to this one's. */
export async function nothingOursBelow(
  deps: Pick<ServiceDeps, "db">,
  settlement: SettlementDeps,
  intent: PayoutIntent,
  from: number,
) {
  const below = await deps.db.payoutIntent.count({
    where: { ...holdingNonces(settlement.chain), id: { not: intent.id }, nonce: { gte: from, lt: intent.nonce ?? 0 } },
  });
  return below === 0;
}

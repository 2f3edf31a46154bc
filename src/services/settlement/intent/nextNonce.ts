import type { ServiceDeps } from "../../deps.ts";
import { holdingNonces } from "../holdingNonces.ts";
import type { SettlementDeps } from "../settlementDeps.ts";

/**
 * The next nonce: the chain's pending count, and never one an unfinished intent of this treasury already signed
 * (the caller finishes earlier intents first, so this is the chain's count in practice).
 */
export async function nextNonce(deps: Pick<ServiceDeps, "db">, settlement: SettlementDeps): Promise<number> {
  const { chain } = settlement;
  const { pending } = await chain.nonces();
  const stored = await deps.db.payoutIntent.aggregate({
    where: holdingNonces(chain),
    _max: { nonce: true },
  });
  // A held line's claim or return sent from the treasury holds its nonce too.
  const relays = await deps.db.heldLine.aggregate({
    where: { chainId: chain.chainId, treasury: chain.treasury, status: "sent" },
    _max: { nonce: true },
  });
  return Math.max(pending, (stored._max.nonce ?? -1) + 1, (relays._max.nonce ?? -1) + 1);
}

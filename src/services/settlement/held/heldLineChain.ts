import type { ServiceDeps } from "../../deps.ts";
import { UserError } from "../../errors.ts";
import type { SettlementChain } from "../settlementChain.ts";

/**
 * The chain held lines live on. `relays`: Steward sends claims and returns from its key (SETTLEMENT_MODE=send);
 * with a Safe it holds no key, and gives the transaction for anyone to send (a claim pays only whom it names).
 */
export function heldLineChain(deps: Pick<ServiceDeps, "settlement">): { chain: SettlementChain; relays: boolean } {
  const settlement = deps.settlement;
  if (!settlement) throw new UserError("held_lines_unavailable", {});
  return { chain: settlement.chain, relays: settlement.mode === "send" };
}

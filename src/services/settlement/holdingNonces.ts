import type { SettlementChain } from "./settlementChain.ts";

/**
 * The payout intents of this treasury that hold one of its nonces the chain may not have mined yet: signed (stored,
 * perhaps never sent) or broadcast. The next payout signs after the highest of them; an anchor waits until none is left.
 */
export const holdingNonces = (chain: Pick<SettlementChain, "chainId" | "treasury">) => ({
  chainId: chain.chainId,
  treasury: chain.treasury,
  status: { in: ["signed" as const, "broadcast" as const] },
});

import { hexlify, randomBytes } from "ethers";
import { INEXACT_TOKEN_ERRORS } from "../base/chainRefusal.ts";
import { chainRefusalText } from "../base/chainRefusalText.ts";
import { packPayouts } from "../services/settlement/chunkBatch.ts";
import { ChainRefusal } from "../services/settlement/settlementChain.ts";
import { createSettlementChain } from "./createSettlementChain.ts";

/** A payout nobody can be harmed by: one smallest unit to the burn address, only ever simulated. */
const PROBE = "0x000000000000000000000000000000000000dEaD";

/**
 * Whether the token can be paid through the distributor in exact amounts: a one-unit settle is simulated from the
 * operator (nothing is sent). A fee-on-transfer or rebasing token makes the distributor receive other than it
 * pulled (PullMismatch) or hold less than it must (BalanceShort): Steward pays exact voted amounts and refuses it.
 * Returns the problem in words, or null (fine, or not checkable: an empty treasury, no allowance yet).
 */
export async function tokenProblem(settings: {
  rpcUrl: string;
  chainId: number;
  token: string;
  distributor: string;
  treasury: string;
  key?: string | undefined;
}): Promise<string | null> {
  const chain = createSettlementChain({
    rpcUrl: settings.rpcUrl,
    chainId: settings.chainId,
    token: settings.token,
    distributor: settings.distributor,
    ...(settings.key ? { treasuryKey: settings.key } : { treasuryAddress: settings.treasury }),
  });
  try {
    if ((await chain.distributorVersion()) !== 2) return null;
    await chain.preflight({
      batchId: hexlify(randomBytes(32)),
      payouts: packPayouts([{ recipient: PROBE, amount: "1" }]),
      total: 1n,
    });
    return null;
  } catch (error) {
    if (!(error instanceof ChainRefusal)) throw error;
    const f = error.fact;
    if (f.kind === "contract_error" && INEXACT_TOKEN_ERRORS.includes(f.name)) {
      return `TOKEN_ADDRESS ${settings.token} does not move exact amounts (${chainRefusalText(f)}): it takes a fee on transfer or rebases. Steward pays exactly what was voted and refuses such tokens; pay in a standard ERC-20.`;
    }
    return null;
  } finally {
    chain.destroy();
  }
}

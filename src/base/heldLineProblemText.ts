import { chainRefusalText } from "./chainRefusalText.ts";
import type { HeldLineProblemRecord } from "./heldLineProblem.ts";

/** Why a held line's last claim or return did not go through, in words (an older row's sentence as it is). */
export function heldLineProblemText(p: HeldLineProblemRecord): string {
  if (typeof p === "string") return p;
  switch (p.kind) {
    case "chain_refused":
      return chainRefusalText(p.refusal);
    case "reverted":
      return `transaction ${p.txHash} reverted on chain`;
    case "claim_expired":
      return "the claim's signature expired before it could be sent";
  }
}

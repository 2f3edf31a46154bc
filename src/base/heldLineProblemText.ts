import { type Translator, translator } from "../i18n/translator.ts";
import { chainRefusalText } from "./chainRefusalText.ts";
import type { HeldLineProblemRecord } from "./heldLineProblem.ts";

/**
 * Why a held line's last claim or return did not go through, in words (an older row's sentence as it is): the
 * reader's language in Discord, English (the default) elsewhere.
 */
export function heldLineProblemText(p: HeldLineProblemRecord, t: Translator = translator("en")): string {
  if (typeof p === "string") return p;
  switch (p.kind) {
    case "chain_refused":
      return chainRefusalText(p.refusal);
    case "reverted":
      return t.t("payout.heldProblem.reverted", { txHash: String(p.txHash) });
    case "claim_expired":
      return t.t("payout.heldProblem.claimExpired");
  }
}

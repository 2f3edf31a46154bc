import { type Translator, translator } from "../i18n/translator.ts";
import { type ChainRefusalFact, INEXACT_TOKEN_ERRORS } from "./chainRefusal.ts";

/**
 * What the chain refused, in words: a member's language in Discord, English (the default) in logs, the CLI and
 * stored texts. What the chain said itself (a revert reason, a node's message) is quoted as it is.
 */
export function chainRefusalText(f: ChainRefusalFact, t: Translator = translator("en")): string {
  switch (f.kind) {
    case "no_key":
      return t.t("errors.chainRefusal.no_key");
    case "contract_error": {
      const named = `${f.name}(${f.args.join(", ")})`;
      return INEXACT_TOKEN_ERRORS.includes(f.name) ? t.t("errors.chainRefusal.inexact", { named }) : named;
    }
    case "revert":
      return f.reason;
    case "gas_cap":
      return t.t("errors.chainRefusal.gas_cap", { needs: f.needs, cap: f.cap });
    case "fee_cap":
      return t.t("errors.chainRefusal.fee_cap", { asks: f.asks, cap: f.cap });
    case "node_refused":
      return t.t("errors.chainRefusal.node_refused", { message: f.message });
    case "other":
      return f.message;
  }
}

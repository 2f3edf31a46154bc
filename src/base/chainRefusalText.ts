import { type ChainRefusalFact, INEXACT_TOKEN_ERRORS } from "./chainRefusal.ts";

/** What the chain refused, in words. */
export function chainRefusalText(f: ChainRefusalFact): string {
  switch (f.kind) {
    case "no_key":
      return "no treasury key to sign with (SETTLEMENT_MODE=safe-export exports instead)";
    case "contract_error": {
      const named = `${f.name}(${f.args.join(", ")})`;
      return INEXACT_TOKEN_ERRORS.includes(f.name)
        ? `${named}: the token does not move exact amounts (a fee on transfer, or rebasing); Steward pays exactly what was voted and refuses such tokens, so pay in a standard ERC-20`
        : named;
    }
    case "revert":
      return f.reason;
    case "gas_cap":
      return `the chunk needs ${f.needs} gas, more than one transaction may use on this chain (${f.cap}): it must be paid in smaller chunks`;
    case "fee_cap":
      return `the network asks ${f.asks} wei per gas, above MAX_FEE_GWEI (${f.cap} wei)`;
    case "node_refused":
      return `the node refused the transaction: ${f.message}`;
    case "other":
      return f.message;
  }
}

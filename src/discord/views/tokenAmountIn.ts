import { type Token, type TokenUnits, tokenAmount } from "../../base/token.ts";
import type { Translator } from "../../i18n/translator.ts";

/**
 * A token amount with its symbol in the reader's language, the one way every view spells a sum: "1.234,5 STEW" in
 * Spanish, "1,234.5 STEW" in Chinese, and English ungrouped ("1234.5 STEW", `Translator.amount`'s choice) so an amount
 * reads the same in a moderator's reply as in the CLI and the audit log it is checked against.
 */
export function tokenAmountIn(t: Translator, amount: TokenUnits, token: Token): string {
  return `${t.amount(tokenAmount(amount, token))} ${token.symbol}`;
}

import { type Token, type TokenUnits, tokenAmount } from "../../base/token.ts";
import type { Translator } from "../../i18n/translator.ts";

/**
 * A token amount with its symbol in the reader's language: "1.234,5 STEW" in Spanish, "1,234.5 STEW" in Chinese.
 * English keeps the ungrouped "1234.5 STEW" that its messages, the CLI and the audit log have always shown, so an
 * amount reads the same in a moderator's reply as in the log it is checked against.
 */
export function tokenAmountIn(t: Translator, amount: TokenUnits, token: Token): string {
  const whole = tokenAmount(amount, token);
  return `${t.locale === "en" ? whole : t.amount(whole)} ${token.symbol}`;
}

import type { TokenUnits } from "../../base/token.ts";
import { type Token, tokenAmount, tokenAmountText } from "../../base/token.ts";
import type { Translator } from "../../i18n/translator.ts";

/**
 * A token amount with its symbol in the reader's language: English as Steward has always written it ("1234.5 STEW"),
 * other languages grouped and punctuated as they write numbers ("1.234,5 STEW").
 */
export function localAmountText(t: Translator, amount: TokenUnits, token: Token): string {
  if (t.locale === "en") return tokenAmountText(amount, token);
  return `${t.amount(tokenAmount(amount, token))} ${token.symbol}`;
}

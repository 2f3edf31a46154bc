import { tokenAmountText } from "../../base/tokenAmountText.ts";
import { type DecimalLike, toUnits } from "../../db/decimalUnits.ts";

export interface TokenFormat {
  symbol: string;
  decimals: number;
}

export function formatTokens(amount: DecimalLike | bigint | string, token: TokenFormat): string {
  return tokenAmountText(toUnits(amount), { tokenDecimals: token.decimals, tokenSymbol: token.symbol });
}

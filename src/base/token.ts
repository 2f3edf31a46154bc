import { formatUnits } from "ethers";

/** The token rewards are paid in (TOKEN_SYMBOL, TOKEN_DECIMALS): the one shape every layer passes around. */
export interface Token {
  readonly symbol: string;
  readonly decimals: number;
}

/**
 * An amount in the token's smallest unit: a bigint, its decimal string, or Prisma's Decimal (read through `toFixed()`,
 * since its `toString()` switches to exponent notation from 1e21, which `BigInt()` cannot read).
 */
export type TokenUnits = bigint | string | { toFixed(): string };

/** The amount in whole tokens as people read it: "12.5", "600" (no trailing ".0"). */
export function tokenAmount(amount: TokenUnits, token: Pick<Token, "decimals">): string {
  const units = typeof amount === "bigint" ? amount : BigInt(typeof amount === "string" ? amount : amount.toFixed());
  const text = formatUnits(units, token.decimals);
  return text.endsWith(".0") ? text.slice(0, -2) : text;
}

/** The amount with the token's symbol: "12.5 STEW", "600 STEW". */
export function tokenAmountText(amount: TokenUnits, token: Token): string {
  return `${tokenAmount(amount, token)} ${token.symbol}`;
}

/**
 * Token amounts are stored as Decimal(78,0). Prisma returns them as decimal.js values whose `toString()` switches
 * to exponent notation from 1e21 (1000 tokens of 18 decimals), which `BigInt()` cannot read: always go through
 * `toFixed()`.
 */
export type DecimalLike = { toFixed(): string };

export function toUnits(amount: DecimalLike | bigint | string): bigint {
  if (typeof amount === "bigint") return amount;
  return BigInt(typeof amount === "string" ? amount : amount.toFixed());
}

export function unitsText(amount: DecimalLike | bigint | string): string {
  return toUnits(amount).toString();
}

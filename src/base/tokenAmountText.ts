import { formatUnits } from "ethers";

/** An amount in the token's smallest unit as people read it: "12.5 STEW", "600 STEW" (no trailing ".0"). */
export function tokenAmountText(units: bigint, token: { tokenDecimals: number; tokenSymbol: string }): string {
  const text = formatUnits(units, token.tokenDecimals);
  return `${text.endsWith(".0") ? text.slice(0, -2) : text} ${token.tokenSymbol}`;
}

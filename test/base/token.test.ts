import { describe, expect, it } from "vitest";
import { tokenAmount, tokenAmountText } from "../../src/base/token.ts";

const STEW = { symbol: "STEW", decimals: 18 };

describe("the one formatter of token amounts", () => {
  it("writes whole tokens without a trailing .0 and keeps the fraction", () => {
    expect(tokenAmountText(600n * 10n ** 18n, STEW)).toBe("600 STEW");
    expect(tokenAmountText(125n * 10n ** 17n, STEW)).toBe("12.5 STEW");
    expect(tokenAmountText(1n, STEW)).toBe("0.000000000000000001 STEW");
    expect(tokenAmountText(0n, STEW)).toBe("0 STEW");
    expect(tokenAmount(1_500n, { decimals: 3 })).toBe("1.5");
  });

  it("reads decimal strings and Prisma's Decimal through toFixed, not exponent notation", () => {
    expect(tokenAmountText("2500000000000000000000", STEW)).toBe("2500 STEW");
    const decimal = { toFixed: () => "2500000000000000000000", toString: () => "2.5e+21" };
    expect(tokenAmountText(decimal, STEW)).toBe("2500 STEW");
  });
});

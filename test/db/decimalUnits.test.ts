import { describe, expect, it } from "vitest";
import { toUnits, unitsText } from "../../src/db/decimalUnits.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";

describe("token amounts read from Decimal(78,0)", () => {
  it("survive values from 1e21 up, where Decimal#toString switches to exponent notation", () => {
    const thousandTokens = new Prisma.Decimal("1000000000000000000000");
    expect(thousandTokens.toString()).toBe("1e+21"); // the trap
    expect(toUnits(thousandTokens)).toBe(10n ** 21n);
    const max = `1${"0".repeat(77)}`;
    expect(unitsText(new Prisma.Decimal(max))).toBe(max);
    expect(toUnits("42")).toBe(42n);
    expect(toUnits(7n)).toBe(7n);
  });
});

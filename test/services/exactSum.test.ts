import { describe, expect, it } from "vitest";
import { decimal, ExactSum } from "../../src/services/votes/exactSum.ts";

describe("exact sums for weighted tallies", () => {
  it("reads numbers as the decimals they print as", () => {
    expect(decimal(0.1)).toEqual([1n, 10n]);
    expect(decimal(12.5)).toEqual([125n, 10n]);
    expect(decimal(7)).toEqual([7n, 1n]);
    expect(decimal(1e-7)).toEqual([1n, 10_000_000n]);
    expect(decimal(2.5e-8)).toEqual([25n, 1_000_000_000n]);
    expect(decimal(1e21)).toEqual([10n ** 21n, 1n]);
    expect(decimal(1.5e22)).toEqual([15n * 10n ** 22n, 10n]);
    expect(decimal(0)).toEqual([0n, 1n]);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1]) {
      expect(() => decimal(bad)).toThrow(new RangeError(`not a finite number ≥ 0: ${bad}`));
    }
  });

  it("adds products of quotients without rounding", () => {
    const sum = new ExactSum();
    expect(sum.toNumber()).toBe(0);
    sum.addProduct(0.1, 1, 1);
    sum.addProduct(0.2, 1, 1);
    expect(sum.toNumber()).toBe(0.3); // 0.1 + 0.2 in floats is 0.30000000000000004
    const thirds = new ExactSum();
    for (let i = 0; i < 3; i++) thirds.addProduct(1, 1, 3);
    expect(thirds.toNumber()).toBe(1);
    const mixed = new ExactSum();
    mixed.addProduct(6, 2, 4); // 3
    mixed.addProduct(5, 0, 7); // 0 adds nothing
    mixed.addProduct(1, 1, 3); // 1/3
    expect(mixed.toNumber()).toBeCloseTo(3 + 1 / 3, 15);
    const big = new ExactSum();
    big.addProduct(1e21, 3, 2);
    expect(big.toNumber()).toBe(1.5e21);
    const fractions = new ExactSum();
    fractions.addProduct(1, 1, 0.5); // 2
    fractions.addProduct(1, 0.5, 1); // 0.5
    fractions.addProduct(0.25, 0.5, 0.125); // 1
    expect(fractions.toNumber()).toBe(3.5);
    const tiny = new ExactSum();
    tiny.addProduct(1e-7, 2, 4);
    expect(tiny.toNumber()).toBe(5e-8);
  });
});

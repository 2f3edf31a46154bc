import { describe, expect, it } from "vitest";
import { allocateBudget } from "../../src/services/epochs/allocateBudget.ts";
import { batchHash, canonicalBatch } from "../../src/services/epochs/batchHash.ts";

describe("allocateBudget", () => {
  it("gives the rounding units to the largest remainders first, whatever order the shares come in", () => {
    // total 6, budget 4: 1×4/6 = 0 r4, 2×4/6 = 1 r2, 3×4/6 = 2 r0 → base 3, one unit left, to the remainder 4.
    const shares = [
      { key: "x", amount: 3n },
      { key: "y", amount: 2n },
      { key: "z", amount: 1n },
    ];
    const expected = { x: 2n, y: 1n, z: 1n };
    for (const order of [shares, [...shares].reverse(), [shares[1], shares[2], shares[0]]]) {
      const r = allocateBudget(order as typeof shares, 4n);
      expect(Object.fromEntries(r.allocations.map((a) => [a.key, a.amount]))).toEqual(expected);
      expect(r).toMatchObject({ total: 6n, scaled: true });
    }
    // Two units left over three equal remainders: the two smallest keys get them, in any input order.
    const even = [
      { key: "b", amount: 1n },
      { key: "c", amount: 1n },
      { key: "a", amount: 1n },
    ];
    for (const order of [even, [...even].reverse()]) {
      const r = allocateBudget(order, 2n);
      expect(Object.fromEntries(r.allocations.map((a) => [a.key, a.amount]))).toEqual({ a: 1n, b: 1n, c: 0n });
    }
  });

  it("pays exactly the budget when the shares equal it, and never more than asked", () => {
    const r = allocateBudget(
      [
        { key: "a", amount: 7n },
        { key: "b", amount: 3n },
      ],
      10n,
    );
    expect(r).toMatchObject({ scaled: false, total: 10n });
    const big = allocateBudget(
      [
        { key: "a", amount: 10n ** 24n + 1n },
        { key: "b", amount: 3n * 10n ** 23n },
      ],
      10n ** 22n,
    );
    expect(big.allocations.reduce((n, a) => n + a.amount, 0n)).toBe(10n ** 22n);
  });

  it("pays shares as they are when they fit the budget", () => {
    const r = allocateBudget(
      [
        { key: "a", amount: 10n },
        { key: "b", amount: 20n },
      ],
      100n,
    );
    expect(r).toEqual({
      allocations: [
        { key: "a", amount: 10n },
        { key: "b", amount: 20n },
      ],
      total: 30n,
      scaled: false,
    });
  });

  it("scales to exactly the budget, giving rounding units to the largest remainders, ties by key", () => {
    const r = allocateBudget(
      [
        { key: "c", amount: 1n },
        { key: "a", amount: 1n },
        { key: "b", amount: 1n },
      ],
      2n,
    );
    expect(r.allocations).toEqual([
      { key: "c", amount: 0n },
      { key: "a", amount: 1n },
      { key: "b", amount: 1n },
    ]);
    for (const budget of [1n, 7n, 999n, 10n ** 24n]) {
      const shares = [3n, 5n, 7n, 11n, 13n].map((n, i) => ({ key: `k${i}`, amount: n * 10n ** 20n + BigInt(i) }));
      const out = allocateBudget(shares, budget);
      expect(out.allocations.reduce((n, a) => n + a.amount, 0n)).toBe(out.scaled ? budget : out.total);
      for (const [i, a] of out.allocations.entries()) expect(a.amount).toBeLessThanOrEqual(shares[i]?.amount ?? 0n);
    }
  });
});

describe("batch hash", () => {
  const a = {
    recipient: "0x52908400098527886E0F7030069857D2E4169EE7",
    amount: "100",
    refs: ["contribution:2", "contribution:10"],
  };
  const b = { recipient: "0x8617E340B3D01FA5F11F306F4090FD50E238070D", amount: "5", refs: ["carry:1"] };
  it("does not depend on entry or ref order, and changes with any amount", () => {
    expect(batchHash([a, b])).toBe(batchHash([b, { ...a, refs: [...a.refs].reverse() }]));
    expect(batchHash([a, b])).not.toBe(batchHash([a, { ...b, amount: "6" }]));
    expect(batchHash([a])).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(canonicalBatch([b, a])).toBe(
      '[{"amount":"100","recipient":"0x52908400098527886E0F7030069857D2E4169EE7","refs":["contribution:10","contribution:2"]},{"amount":"5","recipient":"0x8617E340B3D01FA5F11F306F4090FD50E238070D","refs":["carry:1"]}]',
    );
  });
});

import { describe, expect, it } from "vitest";
import { allocateBudget } from "../../src/services/epochs/allocateBudget.ts";
import { batchHash, canonicalBatch } from "../../src/services/epochs/batchHash.ts";

describe("allocateBudget", () => {
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

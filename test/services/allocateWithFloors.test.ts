import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateBudget } from "../../src/services/epochs/allocateBudget.ts";
import { allocateWithFloors } from "../../src/services/epochs/allocateWithFloors.ts";

const CATEGORIES = ["code", "docs", "design", null] as const;
const smaller = (a: bigint, b: bigint) => (a < b ? a : b);

const items = fc.uniqueArray(
  fc.record({
    key: fc.stringMatching(/^[a-f0-9]{4}$/),
    category: fc.constantFrom(...CATEGORIES),
    amount: fc.bigInt({ min: 0n, max: 10n ** 21n }),
  }),
  { selector: (i) => i.key, minLength: 1, maxLength: 30 },
);
/** Floors on some categories, summing to at most 100 %. */
const floors = fc
  .tuple(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 2_000 }))
  .map(([code, docs, design]) => new Map(Object.entries({ code, docs, design }).filter(([, bps]) => bps > 0)));

describe("a budget shared with category floors", () => {
  it("pays exactly the budget when short (else every item in full), never more than an item asked, and gives each floored category at least its floor or all it asked", () => {
    fc.assert(
      fc.property(items, fc.bigInt({ min: 0n, max: 10n ** 22n }), floors, (list, budget, floorMap) => {
        const { allocations, total, scaled, floors: outcomes } = allocateWithFloors(list, budget, floorMap);
        const paid = allocations.reduce((n, a) => n + a.amount, 0n);
        expect(paid).toBe(smaller(total, budget));
        expect(scaled).toBe(total > budget);
        const amountOf = new Map(allocations.map((a) => [a.key, a.amount]));
        for (const i of list) {
          const got = amountOf.get(i.key) ?? -1n;
          expect(got >= 0n && got <= i.amount).toBe(true);
        }
        for (const o of outcomes) {
          const received = list
            .filter((i) => i.category === o.category)
            .reduce((n, i) => n + (amountOf.get(i.key) ?? 0n), 0n);
          const floor = (budget * BigInt(o.shareBps)) / 10_000n;
          expect(o.floor).toBe(floor);
          expect(received >= smaller(o.requested, floor)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("without floors shares exactly as before", () => {
    fc.assert(
      fc.property(items, fc.bigInt({ min: 0n, max: 10n ** 22n }), (list, budget) => {
        const before = allocateBudget(list, budget).allocations.map(({ key, amount }) => ({ key, amount }));
        expect(allocateWithFloors(list, budget, new Map()).allocations).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it("gives a 50% docs floor half of a short budget, and shares the rest by amount", () => {
    const result = allocateWithFloors(
      [
        { key: "a", category: "code", amount: 900n },
        { key: "b", category: "docs", amount: 100n },
        { key: "c", category: "docs", amount: 300n },
      ],
      400n,
      new Map([["docs", 5_000]]),
    );
    // docs: 200 reserved (50 + 150 by amount); the rest, 200, over 900 + 50 + 150 = 1,100 still asked.
    expect(result.allocations).toEqual([
      { key: "a", amount: 164n },
      { key: "b", amount: 59n },
      { key: "c", amount: 177n },
    ]);
    expect(result.floors).toEqual([
      { category: "docs", shareBps: 5_000, floor: 200n, requested: 400n, reserved: 200n },
    ]);
  });
});

import { allocateBudget } from "./allocateBudget.ts";

/** A share of the budget asked for work of one category (null: no category, e.g. a carry or a juror's pay). */
export interface CategorisedShare {
  key: string;
  category: string | null;
  amount: bigint;
}

/** What a category's floor did: its share of the budget, what its work asked, and what was set aside for it. */
export interface FloorOutcome {
  category: string;
  shareBps: number;
  /** The floor in token units: shareBps × budget / 10,000, rounded down. */
  floor: bigint;
  requested: bigint;
  /** What the category received before the rest was shared: min(floor, requested) when the budget was short. */
  reserved: bigint;
}

const BPS = 10_000n;

/**
 * Shares a budget that falls short with category floors honoured first: each floored category gets
 * min(its floor, what its work asked), shared among its items by amount (allocateBudget), and the rest of the budget
 * is shared over what every item still asks. Both steps are exact in integer units, so the result sums to the
 * budget. Within budget every item is paid what it asked and the floors change nothing.
 */
export function allocateWithFloors(
  items: readonly CategorisedShare[],
  budget: bigint,
  floors: ReadonlyMap<string, number>,
) {
  const total = items.reduce((n, i) => n + i.amount, 0n);
  const requestedOf = (category: string) =>
    items.filter((i) => i.category === category).reduce((n, i) => n + i.amount, 0n);
  const outcomes: FloorOutcome[] = [...floors]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([category, shareBps]) => {
      const floor = (budget * BigInt(shareBps)) / BPS;
      const requested = requestedOf(category);
      return { category, shareBps, floor, requested, reserved: total <= budget ? requested : min(floor, requested) };
    });
  if (total <= budget) {
    return { allocations: items.map(({ key, amount }) => ({ key, amount })), total, scaled: false, floors: outcomes };
  }
  const first = new Map<string, bigint>();
  for (const o of outcomes) {
    const mine = items.filter((i) => i.category === o.category);
    for (const a of allocateBudget(mine, o.reserved).allocations) first.set(a.key, a.amount);
  }
  const reserved = outcomes.reduce((n, o) => n + o.reserved, 0n);
  const rest = items
    .map((i) => ({ key: i.key, amount: i.amount - (first.get(i.key) ?? 0n) }))
    .filter((i) => i.amount > 0n);
  const second = new Map(allocateBudget(rest, budget - reserved).allocations.map((a) => [a.key, a.amount]));
  return {
    allocations: items.map(({ key }) => ({ key, amount: (first.get(key) ?? 0n) + (second.get(key) ?? 0n) })),
    total,
    scaled: true,
    floors: outcomes,
  };
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);

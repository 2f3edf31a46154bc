import { allocateBudget } from "../allocateBudget.ts";
import { allocateWithFloors, type FloorOutcome } from "../allocateWithFloors.ts";
import type { BatchEntry } from "../batchHash.ts";
import type { MemberShares } from "./memberShares.ts";

/** A floored category's outcome, with how many of its contributions the floor served. */
export interface FloorFact extends FloorOutcome {
  contributions: number;
}

/**
 * Members with a verified wallet share the budget (allocateBudget: exact integer scaling, remainder by largest
 * remainders), one batch line each; members without one are carried for their full share. With category floors
 * (shareBps by category) a short budget first gives each floored category its floor (allocateWithFloors).
 */
export function budgetLines(shares: MemberShares, budget: bigint, floors: ReadonlyMap<string, number> = new Map()) {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a zero share gets a zero allocation, which the batch filter below drops
  const payable = shares.all().filter((s) => s.address !== null && s.amount > 0n);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: shares are sums of positive rewards and carries; zero needs a moderator's override to 0 (no carry of 0 is made either way)
  const walletless = shares.all().filter((s) => s.address === null && s.amount > 0n);
  const keyOf = (s: (typeof payable)[number]) => (s.address as string).toLowerCase();
  const floored = floors.size > 0 ? withFloors(payable, budget, floors, keyOf) : null;
  const { allocations, total, scaled } =
    floored ??
    allocateBudget(
      payable.map((s) => ({ key: keyOf(s), amount: s.amount })),
      budget,
    );
  const amountOf = new Map(allocations.map((a) => [a.key, a.amount]));
  const lines: BatchEntry[] = payable.map((s) => ({
    recipient: s.address as string,
    amount: (amountOf.get((s.address as string).toLowerCase()) ?? 0n).toString(),
    refs: s.refs,
  }));
  return { payable, walletless, lines, total, scaled, floors: floored?.floors ?? [] };
}

/** Each member's share split by category (the rest uncategorised), floors honoured, summed back per member. */
function withFloors(
  payable: ReturnType<MemberShares["all"]>,
  budget: bigint,
  floors: ReadonlyMap<string, number>,
  keyOf: (s: ReturnType<MemberShares["all"]>[number]) => string,
) {
  const items = payable.flatMap((s) => {
    const parts = [...s.categories].map(([category, c]) => ({
      key: `${keyOf(s)} ${category}`,
      category,
      amount: c.amount,
    }));
    const other = s.amount - parts.reduce((n, p) => n + p.amount, 0n);
    return other > 0n ? [...parts, { key: `${keyOf(s)} -`, category: null, amount: other }] : parts;
  });
  const result = allocateWithFloors(items, budget, floors);
  const perMember = new Map<string, bigint>();
  for (const a of result.allocations) {
    const member = a.key.slice(0, a.key.indexOf(" "));
    perMember.set(member, (perMember.get(member) ?? 0n) + a.amount);
  }
  const contributionsOf = (category: string) =>
    payable.reduce((n, s) => n + (s.categories.get(category)?.contributions ?? 0), 0);
  return {
    allocations: [...perMember].map(([key, amount]) => ({ key, amount })),
    total: result.total,
    scaled: result.scaled,
    floors: result.floors.map((f): FloorFact => ({ ...f, contributions: contributionsOf(f.category) })),
  };
}

import { allocateBudget } from "../allocateBudget.ts";
import type { BatchEntry } from "../batchHash.ts";
import type { MemberShares } from "./memberShares.ts";

/**
 * Members with a verified wallet share the budget (allocateBudget: exact integer scaling, remainder by largest
 * remainders), one batch line each; members without one are carried for their full share.
 */
export function budgetLines(shares: MemberShares, budget: bigint) {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a zero share gets a zero allocation, which the batch filter below drops
  const payable = shares.all().filter((s) => s.address !== null && s.amount > 0n);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: shares are sums of positive rewards and carries; zero needs a moderator's override to 0 (no carry of 0 is made either way)
  const walletless = shares.all().filter((s) => s.address === null && s.amount > 0n);
  const { allocations, total, scaled } = allocateBudget(
    payable.map((s) => ({ key: (s.address as string).toLowerCase(), amount: s.amount })),
    budget,
  );
  const amountOf = new Map(allocations.map((a) => [a.key, a.amount]));
  const lines: BatchEntry[] = payable.map((s) => ({
    recipient: s.address as string,
    amount: (amountOf.get((s.address as string).toLowerCase()) ?? 0n).toString(),
    refs: s.refs,
  }));
  return { payable, walletless, lines, total, scaled };
}

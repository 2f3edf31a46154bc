/**
 * Scales shares to a budget in integer token units, exactly: when the shares exceed the budget each gets
 * floor(share × budget / total), and the units lost to rounding go one each to the largest remainders (ties: the
 * smaller key first), so the result sums to the budget — nothing lost, nothing created. Shares within the budget
 * are paid as they are.
 */
export function allocateBudget<K extends string>(shares: { key: K; amount: bigint }[], budget: bigint) {
  const total = shares.reduce((n, s) => n + s.amount, 0n);
  if (total <= budget) return { allocations: shares.map((s) => ({ ...s })), total, scaled: false };
  const base = shares.map((s) => {
    const product = s.amount * budget;
    return { key: s.key, amount: product / total, remainder: product % total };
  });
  let left = budget - base.reduce((n, b) => n + b.amount, 0n);
  const order = [...base].sort((a, b) =>
    // Stryker disable next-line EqualityOperator,ConditionalExpression: keys are distinct addresses, so equal keys (the 0 branch) never occur, and >= on unequal remainders is >
    a.remainder === b.remainder ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.remainder > b.remainder ? -1 : 1,
  );
  for (const b of order) {
    if (left === 0n) break;
    b.amount += 1n;
    left -= 1n;
  }
  return { allocations: base.map(({ key, amount }) => ({ key, amount })), total, scaled: true };
}

/** Average ranks (1-based), ties sharing the mean of the ranks they span. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  // Stryker disable next-line ArrayDeclaration: every index is assigned below, whatever the array starts with
  const out = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && (order[end + 1] as { v: number }).v === (order[start] as { v: number }).v) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) out[(order[k] as { i: number }).i] = rank;
    start = end + 1;
  }
  return out;
}

/**
 * Spearman's rank correlation: Pearson's correlation of the average ranks (correct with ties). Null when it is not
 * defined: fewer than two items, or either side all equal.
 */
export function spearman(a: readonly number[], b: readonly number[]): number | null {
  // Fewer than two items have no variance: the check below returns null for them.
  if (a.length !== b.length) return null;
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (xs: number[]) => xs.reduce((n, x) => n + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < ra.length; i++) {
    const da = (ra[i] as number) - ma;
    const db = (rb[i] as number) - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  if (va === 0 || vb === 0) return null;
  return cov / Math.sqrt(va * vb);
}

export interface ReviewedItem {
  /** The model's score per criterion (0-10). */
  model: Record<string, number>;
  /** Each juror's scores per criterion (0-10). */
  reviews: { jurorId: string; scores: Record<string, number> }[];
}

export interface CriterionAgreement {
  /** The criterion's name, or null for the overall figure (the rubric-weighted score). */
  criterion: string | null;
  /** Rank correlation between the model's score and the jury's mean score across items; null when undefined. */
  spearman: number | null;
  /** Mean over every review of |model − juror|, in points of the 0-10 scale; null without reviews. */
  meanDifference: number | null;
}

/** How well the model agrees with the jury, with the sample size it rests on: facts, words live in the views. */
export interface Agreement {
  items: number;
  jurors: number;
  reviews: number;
  overall: CriterionAgreement;
  criteria: CriterionAgreement[];
}

/**
 * Agreement per criterion and overall (the rubric-weighted mean of the criteria) over the items at least one
 * juror reviewed.
 */
export function calibrationAgreement(
  criteria: readonly { name: string; weight: number }[],
  items: readonly ReviewedItem[],
): Agreement {
  const reviewed = items.filter((i) => i.reviews.length > 0);
  // Stryker disable next-line ArithmeticOperator: a negated sum negates every weighted score alike: ranks and absolute differences are unchanged
  const weightSum = criteria.reduce((n, c) => n + c.weight, 0);
  const weighted = (s: Record<string, number>) =>
    // Stryker disable next-line ArithmeticOperator: as above, a negated numerator negates every weighted score alike
    criteria.reduce((n, c) => n + c.weight * (s[c.name] ?? 0), 0) / (weightSum === 0 ? 1 : weightSum);
  const measure = (criterion: string | null, score: (s: Record<string, number>) => number): CriterionAgreement => {
    const model = reviewed.map((i) => score(i.model));
    const jury = reviewed.map((i) => i.reviews.reduce((n, r) => n + score(r.scores), 0) / i.reviews.length);
    const diffs = reviewed.flatMap((i) => i.reviews.map((r) => Math.abs(score(i.model) - score(r.scores))));
    return {
      criterion,
      spearman: spearman(model, jury),
      meanDifference: diffs.length === 0 ? null : diffs.reduce((n, d) => n + d, 0) / diffs.length,
    };
  };
  return {
    items: reviewed.length,
    jurors: new Set(reviewed.flatMap((i) => i.reviews.map((r) => r.jurorId))).size,
    reviews: reviewed.reduce((n, i) => n + i.reviews.length, 0),
    overall: measure(null, weighted),
    criteria: criteria.map((c) => measure(c.name, (s) => s[c.name] ?? 0)),
  };
}

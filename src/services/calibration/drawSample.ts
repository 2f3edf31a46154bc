import { createHash } from "node:crypto";

/** How many of `population` contributions the jury reviews: `percent` of them rounded up, at least 3 (or all). */
export function sampleSize(population: number, percent: number): number {
  return Math.min(population, Math.max(3, Math.ceil((population * percent) / 100)));
}

/**
 * The draw, a pure function of its inputs so anyone can recompute it: each contribution id is ranked by
 * sha256(seed ":" id) and the `size` lowest ranks are taken. The seed is the audit chain's head when drawn, which
 * nobody can choose without rewriting the chain. Every evaluated contribution is a candidate, flagged or appealed
 * ones too: the jury must see the hard cases as well.
 */
export function drawSample(seed: string, population: readonly number[], percent: number): number[] {
  const rank = (id: number) => createHash("sha256").update(`${seed}:${id}`).digest("hex");
  return (
    [...population]
      .map((id) => ({ id, rank: rank(id) }))
      // Distinct ids have distinct sha256 ranks: no tie to break.
      // Stryker disable next-line EqualityOperator: `<=` differs only on equal ranks, which distinct ids never have
      .sort((a, b) => (a.rank < b.rank ? -1 : 1))
      .slice(0, sampleSize(population.length, percent))
      .map((d) => d.id)
      .sort((a, b) => a - b)
  );
}

/**
 * Exact sums of quotients, for weighted tallies: floating point gave 1.4999999999999998 against 1.5 for three
 * ballots Snapshot counts as an exact tie, and a tie decided by rounding noise decides a vote. Numbers enter as
 * the decimal they print as (0.1 is one tenth), so what a person reads is what is counted. Weights and points are
 * never negative (ballots and weights are validated before they are tallied).
 */
export class ExactSum {
  #n = 0n;
  #d = 1n;

  /** Adds a × b / c (a, b ≥ 0; c > 0). */
  addProduct(a: number, b: number, c: number): void {
    const [an, ad] = decimal(a);
    const [bn, bd] = decimal(b);
    const [cn, cd] = decimal(c);
    // a×b/c = (an/ad)(bn/bd)/(cn/cd) = an·bn·cd / (ad·bd·cn)
    const n = an * bn * cd;
    const d = ad * bd * cn;
    const num = this.#n * d + n * this.#d;
    const den = this.#d * d;
    const g = gcd(num, den);
    this.#n = num / g;
    this.#d = den / g;
  }

  toNumber(): number {
    // Integer part and a scaled remainder: exact to the last digit a double can hold.
    const whole = this.#n / this.#d;
    const rest = this.#n % this.#d;
    return Number(whole) + Number((rest * 10n ** 20n) / this.#d) / 1e20;
  }
}

/** The decimal a number prints as, as numerator and denominator: 0.1 → 1/10, 1e-7 → 1/10⁷, 1e21 → 10²¹/1. */
export function decimal(x: number): [bigint, bigint] {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`not a finite number ≥ 0: ${x}`);
  // Stryker disable next-line StringLiteral: split always yields a first element; the defaults only satisfy the type checker
  const [mantissa = "", exp = ""] = x.toString().split("e");
  // Stryker disable next-line StringLiteral: as above
  const [int = "", frac = ""] = mantissa.split(".");
  const e = Number(exp);
  const n = BigInt(int + frac) * 10n ** BigInt(Math.max(e, 0));
  const d = 10n ** BigInt(frac.length - Math.min(e, 0));
  return [n, d];
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

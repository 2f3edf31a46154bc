/**
 * Exact sums of quotients, for weighted tallies: floating point gave 1.4999999999999998 against 1.5 for three
 * ballots Snapshot counts as an exact tie, and a tie decided by rounding noise decides a vote. Numbers enter as
 * the decimal they print as (0.1 is one tenth), so what a person reads is what is counted.
 */
export class ExactSum {
  #n = 0n;
  #d = 1n;

  /** Adds a × b / c (c > 0). */
  addProduct(a: number, b: number, c: number): void {
    const [an, ad] = decimal(a);
    const [bn, bd] = decimal(b);
    const [cn, cd] = decimal(c);
    // a×b/c = (an/ad)(bn/bd)/(cn/cd) = an·bn·cd / (ad·bd·cn)
    this.#add(an * bn * cd, ad * bd * cn);
  }

  #add(n: bigint, d: bigint): void {
    if (n === 0n) return;
    const num = this.#n * d + n * this.#d;
    const den = this.#d * d;
    const g = gcd(num < 0n ? -num : num, den);
    this.#n = num / g;
    this.#d = den / g;
  }

  toNumber(): number {
    // Integer part and a scaled remainder: exact to the last digit a double can hold.
    const whole = this.#n / this.#d;
    const rest = this.#n % this.#d;
    const SCALE = 10n ** 20n;
    return Number(whole) + Number((rest * SCALE) / this.#d) / 1e20;
  }

  /** -1, 0 or 1: exact comparison, for ties. */
  compare(other: ExactSum): number {
    const l = this.#n * other.#d;
    const r = other.#n * this.#d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
}

function decimal(x: number): [bigint, bigint] {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const [mantissa = "0", exp = "0"] = x.toString().toLowerCase().split("e");
  const [int = "0", frac = ""] = mantissa.split(".");
  let n = BigInt(int + frac);
  let d = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e > 0) n *= 10n ** BigInt(e);
  else if (e < 0) d *= 10n ** BigInt(-e);
  return [n, d];
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

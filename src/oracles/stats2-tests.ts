/** Exact one-sided binomial tests (seed 000_1c190711b4cfcedd.txt, lines 127–195). */
import { Rational } from '../numerics/rational.js';

const choose = (n: number, k: number): bigint => { let r = 1n; for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1); return r; };

/** P(K ≥ c) for K ~ Binomial(n, θ), exactly. */
export function upperTail(n: number, theta: Rational, c: number): Rational {
  let s = Rational.ZERO;
  for (let k = Math.max(0, c); k <= n; k++) s = s.add(Rational.of(choose(n, k)).mul(theta.pow(k)).mul(Rational.ONE.sub(theta).pow(n - k)));
  return s;
}

/** The smallest c with P(K ≥ c | θ₀) ≤ α (c = n + 1 means never reject): the exact level-α test rejecting for K ≥ c. */
export function criticalValue(n: number, theta0: Rational, alpha: Rational): number {
  for (let c = 0; c <= n + 1; c++) if (upperTail(n, theta0, c).le(alpha)) return c;
  return n + 1;
}

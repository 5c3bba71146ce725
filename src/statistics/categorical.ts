/**
 * Goodness of fit of categorical draws against enclosed exact probabilities (dec.sample, pre.mlm-mask).
 *
 * H0: the n draws are iid from a categorical distribution π with π_i ∈ [lo_i − s_i, hi_i + s_i] for every
 * category i (lo, hi: rigorous enclosures of the exact probabilities; s_i the stated implementation
 * allowance). Then each count C_i ~ Binomial(n, π_i), and the two-sided Chernoff–KL test of C_i against
 * [π_lo, π_hi] at level α/m (src/statistics/tests.ts binomialTest: proved critical counts) rejects with
 * probability ≤ α/m; over the m tested categories the check rejects with probability ≤ α (union bound,
 * combineTests). A category with π_hi = 0 (a dropped word) rejects at its first draw (critical count 1).
 * Power: a category whose probability is off by Δ is rejected when Δ exceeds ≈ √(2π ln(2m/α)/n) — at
 * n = 20 000, α = 1.9e−10, m ≤ 32, about 0.033·√π (0.016 at π = 1/4).
 *
 * Allowance (SAMPLE_REL_SLACK, SAMPLE_ABS_SLACK): a float32 implementation computes z = fl(x/τ) (relative u,
 * |z| ≤ 32 on the generated inputs: absolute ≤ 32u), shifts by the maximum (≤ 64u), exponentiates (ulps·u
 * relative), sums ≤ 32 terms (γ_31) and divides (u): a kept probability is off by at most
 * P·(e^{(128 + 4 + 31 + 2)u} − 1) ≤ P·1e−5 < 2⁻¹⁶·P; drawing by a float32 cumulative sum and a uniform of
 * resolution ≤ 2⁻²⁴ moves each category's mass by ≤ γ_31 + 2⁻²³ < 2⁻¹⁷. The stated allowance 2⁻¹⁵·P + 2⁻¹⁶
 * is twice that, and negligible against the test's resolution (≈ 10⁻²).
 */
import { Rational } from '../numerics/rational.js';
import { binomialTest, combineTests, type TestResult } from './tests.js';

export const SAMPLE_REL_SLACK = 2 ** -15;
export const SAMPLE_ABS_SLACK = 2 ** -16;

/** The per-category binomial tests of `counts` (n draws) against [lo − s, hi + s], combined at level α. */
export function categoricalTest(o: { counts: readonly number[]; n: number; lo: readonly number[]; hi: readonly number[]; alpha: number; what: string; rel?: number; abs?: number }): TestResult {
  const m = o.counts.length;
  const rel = o.rel ?? SAMPLE_REL_SLACK, abs = o.abs ?? SAMPLE_ABS_SLACK;
  const tests = o.counts.map((k, i) => {
    const zero = o.hi[i] === 0;
    const piLo = zero ? Rational.ZERO : Rational.max(Rational.ZERO, Rational.fromFloat64(o.lo[i]!).mul(Rational.fromFloat64(1 - rel)).sub(Rational.fromFloat64(abs)));
    const piHi = zero ? Rational.ZERO : Rational.min(Rational.ONE, Rational.fromFloat64(o.hi[i]!).mul(Rational.fromFloat64(1 + rel)).add(Rational.fromFloat64(abs)));
    return binomialTest({ k, n: o.n, piLo, piHi, alpha: o.alpha / m, what: `${o.what}: category ${i}` });
  });
  return combineTests(`categorical goodness of fit (${o.what})`, tests, o.alpha);
}

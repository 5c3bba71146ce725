/**
 * Hypothesis tests with RIGOROUS, non-asymptotic false-alarm rates for the statistical properties.
 *
 * Every test here rejects a correct implementation with probability ≤ α, where the bound is a
 * theorem, not a large-sample approximation (assuming the samples are iid from the stated
 * distribution; see each function). Floating-point evaluation of the statistic is covered by an
 * explicit `slack` added to the critical value by the caller, and the critical values themselves
 * are rounded up (so rounding can only lower the false-alarm rate).
 *
 * - {@link hoeffdingTest}: bounded samples in [a, b] (Hoeffding 1963, Thm 2):
 *     P(|X̄ − μ| ≥ t) ≤ 2·exp(−2nt²/(b − a)²);  t(α) = (b − a)·√(ln(2/α)/(2n)).
 * - {@link gaussianMeanTest}: X_i iid N(μ, σ²) ⇒ X̄ ~ N(μ, σ²/n) EXACTLY, so
 *     P(|X̄ − μ| > √2·r·σ/√n) = erfc(r);  r is a rational with erfc(r) ≤ α PROVED by the rigorous
 *     enclosure erfR (src/numerics/precise.ts).
 * - {@link chiSquareVarianceTest}: Q = Σ(X_i − μ)²/σ² ~ χ²_n exactly; Laurent & Massart (2000,
 *     Ann. Statist. 28(5), Lemma 1): P(Q − n ≥ 2√(nx) + 2x) ≤ e^{−x} and P(n − Q ≥ 2√(nx)) ≤ e^{−x};
 *     with x = ln(2/α) the two-sided test has false-alarm rate ≤ α.
 *
 * Every test returns `ratio` = statistic / critical value (≤ 1 accepts, > 1 rejects), for reports.
 */
import { Rational } from '../numerics/rational.js';
import { erfR } from '../numerics/precise.js';

export interface TestResult {
  reject: boolean;
  /** statistic / critical value: > 1 rejects. */
  ratio: number;
  statistic: number;
  critical: number;
  /** Which test, at which level, and the numbers. */
  detail: string;
}

/** Relative inflation covering the few roundings in computing a critical value in float64. */
const UP = 1 + 1e-12;

function result(name: string, statistic: number, critical: number, alpha: number, what: string): TestResult {
  const ratio = critical > 0 ? statistic / critical : (statistic > 0 ? Infinity : 0);
  const reject = !(statistic <= critical);
  return {
    reject, ratio, statistic, critical,
    detail: `${name} at α = ${alpha.toExponential(2)}: ${what}; statistic ${statistic.toPrecision(6)} ${reject ? '>' : '≤'} critical ${critical.toPrecision(6)}`,
  };
}

/** Hoeffding radius t with P(|X̄ − μ| ≥ t) ≤ α for n iid samples in an interval of length `range`. */
export function hoeffdingRadius(n: number, range: number, alpha: number): number {
  if (!(n >= 1) || !(alpha > 0 && alpha < 1) || !(range >= 0)) throw new RangeError('hoeffdingRadius: bad arguments');
  return range * Math.sqrt(Math.log(2 / alpha) / (2 * n)) * UP;
}

/**
 * Two-sided Hoeffding test of H0: E[X] = target, for `n` iid samples in [lo, hi] with observed
 * mean `mean`. False-alarm rate ≤ α (distribution-free). `slack` ≥ 0 absorbs the floating-point
 * error of the caller's mean and target.
 */
export function hoeffdingTest(o: { mean: number; n: number; lo: number; hi: number; target: number; alpha: number; slack?: number; what?: string }): TestResult {
  const t = hoeffdingRadius(o.n, o.hi - o.lo, o.alpha) + (o.slack ?? 0);
  return result('Hoeffding', Math.abs(o.mean - o.target), t,
    o.alpha, `${o.what ?? 'mean'} ${o.mean.toPrecision(8)} vs ${o.target.toPrecision(8)}, n = ${o.n}, range [${o.lo}, ${o.hi}]`);
}

const zCache = new Map<number, { r: Rational; critical: number }>();

/**
 * The two-sided standard-normal critical value z(α) = √2·r, with r a rational (multiple of 1/256)
 * such that erfc(r) ≤ α is PROVED by the rigorous erf enclosure (lower bound of erf r ≥ 1 − α).
 * Returned as a float64 rounded up. P(|Z| > z) = erfc(z/√2) ≤ erfc(r) ≤ α.
 */
export function zCritical(alpha: number): { r: Rational; critical: number } {
  const hit = zCache.get(alpha);
  if (hit) return hit;
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError('zCritical: α must be in (0, 1/2)');
  // float estimate from erfc r ≈ e^{−r²}/(r√π), then rigorous verification upward
  let r0 = 1;
  for (let i = 0; i < 50; i++) r0 = Math.sqrt(Math.max(0.25, -Math.log(alpha * r0 * Math.sqrt(Math.PI))));
  let k = Math.max(1, Math.floor((r0 - 0.25) * 256));
  const oneMinusAlpha = Rational.ONE.sub(Rational.fromFloat64(alpha));
  for (;;) {
    const r = Rational.of(k, 256);
    if (!erfR(r, 96).lo.lt(oneMinusAlpha)) {
      const out = { r, critical: Math.SQRT2 * (k / 256) * UP };
      zCache.set(alpha, out);
      return out;
    }
    k++;
  }
}

/**
 * Exact z-test of H0: X_i iid N(μ, σ²), on the sample mean: reject when |X̄ − μ| > z(α)·σ/√n + slack.
 * False-alarm rate ≤ α exactly (X̄ ~ N(μ, σ²/n) for every n; no asymptotics).
 */
export function gaussianMeanTest(o: { mean: number; n: number; mu: number; sigma: number; alpha: number; slack?: number }): TestResult {
  const { critical: z } = zCritical(o.alpha);
  const t = z * o.sigma / Math.sqrt(o.n) * UP + (o.slack ?? 0);
  return result('exact z-test on the Gaussian sample mean', Math.abs(o.mean - o.mu), t, o.alpha,
    `mean ${o.mean.toPrecision(8)} vs μ = ${o.mu}, σ = ${o.sigma}, n = ${o.n}, z = ${z.toPrecision(6)}`);
}

/**
 * Variance test of H0: X_i iid N(μ, σ²) with μ, σ known, on Q = Σ(X_i − μ)²/σ² ~ χ²_n:
 * reject when Q − n > 2√(nx) + 2x or n − Q > 2√(nx), x = ln(2/α) (Laurent–Massart; each tail
 * ≤ e^{−x} = α/2). `ss` = Σ(X_i − μ)²; `slack` ≥ 0 bounds the float error of `ss`/σ².
 * The statistic reported is the larger of the two normalised deviations (ratio > 1 rejects).
 */
export function chiSquareVarianceTest(o: { ss: number; n: number; sigma: number; alpha: number; slack?: number }): TestResult {
  const x = Math.log(2 / o.alpha) * UP;
  const q = o.ss / (o.sigma * o.sigma);
  const upper = (2 * Math.sqrt(o.n * x) + 2 * x) * UP + (o.slack ?? 0);
  const lower = 2 * Math.sqrt(o.n * x) * UP + (o.slack ?? 0);
  const dev = q - o.n;
  const r = dev >= 0 ? dev / upper : -dev / lower;
  const crit = dev >= 0 ? upper : lower;
  return result('χ² (Laurent–Massart) variance test', Math.abs(dev), crit, o.alpha,
    `Q = Σ(x−μ)²/σ² = ${q.toPrecision(8)} vs n = ${o.n} (σ = ${o.sigma}); ratio ${r.toPrecision(4)}`);
}

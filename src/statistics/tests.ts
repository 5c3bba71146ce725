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
import { erfR, logR, toFloat64Bounds } from '../numerics/precise.js';

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

// ---------------------------------------------------------------------------
// Sampling ops tested as distributions (issue 10, item 5)
// ---------------------------------------------------------------------------
//
// The null hypothesis H0 of every test below, for `random.normal(n, μ, σ, seed)`: the values are
//   x_i = X_i + e_i,  X_i iid N(μ, σ²),  |e_i| ≤ κ·(|X_i| + |μ|),  κ = SAMPLE_KAPPA = 2⁻²⁰,
// i.e. an exact normal draw perturbed by at most 16 float32 ulps relative to |X| + |μ| (the rounding
// of μ + σz to float32 and a few ulps of error in z's own evaluation: Box–Muller's log/cos, the
// polar method's sqrt/log, a ziggurat's table); and calls with different seeds are independent.
// For `random.bernoulli-mask(n, p, seed)`: the values are iid Bernoulli(π) with |π − p| ≤ 2⁻²²
// (a float32 uniform compared with p may shift the keep probability by 2⁻²⁴; allowed ×4), and calls
// with different seeds are independent. Every test rejects an H0 sampler with probability ≤ α.

/** |x − X| ≤ SAMPLE_KAPPA·(|X| + |μ|): the deviation of a sample from an exact normal draw allowed by H0. */
export const SAMPLE_KAPPA = 2 ** -20;
/**
 * Allowance for the CDF of a sampler built from finite-precision uniforms (24- to 53-bit): its CDF
 * differs from Φ by about the uniforms' resolution (≤ 2⁻²³ for 24-bit uniforms), far below 2⁻²⁰.
 * Added to the DKW radius, so such a sampler keeps the stated false-alarm rate.
 */
export const CDF_RESOLUTION = 2 ** -20;
/** |π − p| ≤ MASK_P_SLACK for the keep probability π of a float32-uniform mask (as UNIFORM_SLACK in reg.dropout-ridge). */
export const MASK_P_SLACK = 2 ** -22;

/**
 * Several tests performed as one check at level α: each at α/m (union bound, Bonferroni), so the
 * check rejects an H0 sampler with probability ≤ Σ α/m = α. The result is the worst test's.
 */
export function combineTests(name: string, tests: TestResult[], alpha: number): TestResult {
  if (tests.length === 0) throw new RangeError('combineTests: no tests');
  let worst = tests[0]!;
  for (const t of tests) if (t.reject && !worst.reject || (t.reject === worst.reject && t.ratio > worst.ratio)) worst = t;
  const rejected = tests.filter((t) => t.reject).length;
  return {
    reject: rejected > 0, ratio: worst.ratio, statistic: worst.statistic, critical: worst.critical,
    detail: `${name} (${tests.length} tests at α/${tests.length} each, check level α = ${alpha.toExponential(2)}; ${rejected} rejected); worst: ${worst.detail}`,
  };
}

// --- DKW goodness of fit against N(μ, σ²) ----------------------------------------------------

/** Grid of the DKW test: t_j = √2·r_j, r_j = j/16 for |j| ≤ 48 (t ∈ [−4.24, 4.24], step 0.088). */
const GRID_DEN = 16;
const GRID_MAX = 48;
export interface NormalGridPoint {
  /** The rational erf argument r (t = √2·r). */
  r: Rational;
  /** fl(√2 · r) in float64. */
  t: number;
  /** Φ(√2 r) = (1 + erf r)/2 ∈ [lo, hi], proved (erfR), rounded outward to float64. */
  lo: number;
  hi: number;
}
let normalGrid: NormalGridPoint[] | null = null;

/** The DKW grid with PROVED enclosures of the standard normal CDF at each point (cached). */
export function normalCdfGrid(): readonly NormalGridPoint[] {
  if (normalGrid) return normalGrid;
  const out: NormalGridPoint[] = [];
  const half = Rational.of(1, 2);
  for (let j = -GRID_MAX; j <= GRID_MAX; j++) {
    const r = Rational.of(j, GRID_DEN);
    const e = erfR(r, 80);
    const [lo] = toFloat64Bounds({ lo: Rational.ONE.add(e.lo).mul(half), hi: Rational.ONE.add(e.lo).mul(half) });
    const [, hi] = toFloat64Bounds({ lo: Rational.ONE.add(e.hi).mul(half), hi: Rational.ONE.add(e.hi).mul(half) });
    out.push({ r, t: Math.SQRT2 * (j / GRID_DEN), lo: lo!, hi: hi! });
  }
  normalGrid = out;
  return out;
}

/** Number of elements of the ascending array `a` that are < v (strict) or ≤ v. */
function countBelow(a: Float64Array, v: number, inclusive: boolean): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (inclusive ? a[m]! <= v : a[m]! < v) lo = m + 1; else hi = m;
  }
  return lo;
}

/**
 * Distribution-free goodness of fit of `x` to N(μ, σ²): the Dvoretzky–Kiefer–Wolfowitz inequality
 * with Massart's constant (Ann. Probab. 18(3), 1990): for n iid draws from any continuous CDF F,
 *   P(sup_q |F_n(q) − F(q)| > ε) ≤ 2·exp(−2nε²),  so ε = √(ln(2/α)/(2n)) gives level α.
 * The supremum is taken over the grid q_j = μ + σ·√2·r_j only (≤ the full supremum, so the level
 * holds), where F(q_j) = Φ(√2 r_j) is enclosed rigorously by erfR ({@link normalCdfGrid}).
 *
 * Rounding (H0 above): with δ_j = 4κ(|q_j| + |μ|), x ≤ q_j − δ_j implies X < q_j and X ≤ q_j implies
 * x ≤ q_j + δ_j (since |x − X| ≤ κ(|X| + |μ|) and κ ≤ 2⁻²⁰), so the unobservable exact count
 * #{X_i ≤ q_j} lies in [N_lo, N_hi] = [#{x_i < q_j − δ_j}, #{x_i ≤ q_j + δ_j}]; the float64
 * evaluation of q_j = μ + σ·fl(√2 r_j) errs by ≤ 2⁻⁵⁰(|σ t_j| + |q_j|), absorbed by the 2⁻⁴⁸ term
 * added to δ_j. The test rejects when N_lo/n − Φ_hi > ε or Φ_lo − N_hi/n > ε at some grid point,
 * which under H0 implies |F_n(q) − Φ| > ε for the exact draws: false-alarm rate ≤ α. The critical
 * value also carries CDF_RESOLUTION for finite-precision uniforms.
 *
 * Power: a uniform with matched moments (μ ± σ√3) differs from Φ by 0.057 at t ≈ ±0.8; with
 * n = 16 384 and α ≈ 2·10⁻¹⁰, ε ≈ 0.027 and the empirical CDF's noise sd ≈ 0.0032 — a margin of
 * ≈ 9 sd, power ≥ 1 − 10⁻¹⁵ per check.
 */
export function dkwNormalTest(o: { x: ArrayLike<number>; mu: number; sigma: number; alpha: number; kappa?: number }): TestResult {
  const n = o.x.length;
  if (!(n >= 1) || !(o.sigma > 0)) throw new RangeError('dkwNormalTest: need n ≥ 1 and σ > 0');
  const kappa = o.kappa ?? SAMPLE_KAPPA;
  const a = Float64Array.from(o.x as ArrayLike<number>).sort();
  const eps = Math.sqrt(Math.log(2 / o.alpha) / (2 * n)) * UP + CDF_RESOLUTION + 1e-15;
  let worst = -Infinity, at = 0, side = '';
  for (const g of normalCdfGrid()) {
    const st = o.sigma * g.t;
    const q = o.mu + st;
    const d = 4 * kappa * (Math.abs(q) + Math.abs(o.mu)) * (1 + 2 ** -30) + 2 ** -48 * (Math.abs(st) + Math.abs(q));
    const nLo = countBelow(a, q - d, false), nHi = countBelow(a, q + d, true);
    const up = nLo / n - g.hi, down = g.lo - nHi / n;
    if (up > worst) { worst = up; at = g.t; side = 'F_n above Φ'; }
    if (down > worst) { worst = down; at = g.t; side = 'F_n below Φ'; }
  }
  return result('DKW goodness of fit to N(μ, σ²) (Massart constant, proved Φ enclosures)', Math.max(0, worst), eps, o.alpha,
    `sup over ${2 * GRID_MAX + 1} grid points |F_n − Φ| = ${Math.max(0, worst).toPrecision(4)} (${side} at t = (x−μ)/σ ≈ ${at.toFixed(3)}), n = ${n}, μ = ${o.mu}, σ = ${o.sigma}, ε = ${eps.toPrecision(4)}`);
}

// --- Gaussian pairs: independence via a rotation into two χ² statistics ---------------------

/**
 * H0: N pairs (a_i, b_i), iid, a and b independent N(0, 1). The rotation U = (a + b)/√2,
 * V = (a − b)/√2 gives independent N(0, 1) variables, so Q_U = ΣU², Q_V = ΣV² are independent χ²_N
 * (exact), tested with Laurent–Massart ({@link chiSquareVarianceTest}) at α/2 each. A correlation ρ
 * between a and b makes Var U = 1 + ρ and Var V = 1 − ρ: for ρ = ±0.5 and N ≥ 2 000 both tails are
 * far beyond the critical values. `slackU`/`slackV` bound the float error of Q_U and Q_V.
 */
export function gaussianPairTest(o: { qU: number; qV: number; n: number; alpha: number; slackU: number; slackV: number; what: string }): TestResult[] {
  const u = chiSquareVarianceTest({ ss: o.qU, n: o.n, sigma: 1, alpha: o.alpha / 2, slack: o.slackU });
  const v = chiSquareVarianceTest({ ss: o.qV, n: o.n, sigma: 1, alpha: o.alpha / 2, slack: o.slackV });
  return [
    { ...u, detail: `${o.what}: Q_U = Σ((a+b)/√2)² — ${u.detail}` },
    { ...v, detail: `${o.what}: Q_V = Σ((a−b)/√2)² — ${v.detail}` },
  ];
}

// --- Binomial counts: Chernoff bound with the exact Kullback–Leibler exponent, proved ---------

const binomCache = new Map<string, { kLo: number; kHi: number }>();

/** A PROVED lower bound on n·KL(k/n ‖ π) = k ln(k/(nπ)) + (n−k) ln((n−k)/(n(1−π))), 0 < π < 1. */
function nKlLower(k: number, n: number, pi: Rational): Rational {
  const N = Rational.fromInt(n);
  let s = Rational.ZERO;
  if (k > 0) s = s.add(Rational.fromInt(k).mul(logR(Rational.fromInt(k).div(N.mul(pi)), 64).lo));
  if (k < n) s = s.add(Rational.fromInt(n - k).mul(logR(Rational.fromInt(n - k).div(N.mul(Rational.ONE.sub(pi))), 64).lo));
  return s;
}
function klFloat(q: number, p: number): number {
  const a = q > 0 ? q * Math.log(q / p) : 0;
  const b = q < 1 ? (1 - q) * Math.log((1 - q) / (1 - p)) : 0;
  return a + b;
}

/**
 * Critical counts of a two-sided test of H0: S ~ Binomial(n, π) for some π ∈ [piLo, piHi]:
 * reject when S ≥ kHi or S ≤ kLo. Chernoff (1952) / Hoeffding (1963, eq. 2.1): for k/n ≥ π,
 * P(S ≥ k) ≤ exp(−n·KL(k/n ‖ π)), and KL(k/n ‖ π) decreases in π on π ≤ k/n, so π = piHi is the
 * worst case; symmetrically for the lower tail. kHi (kLo) is the first count (from the centre)
 * where n·KL ≥ ln(2/α) is PROVED with rigorous log enclosures (logR), so each tail is ≤ α/2.
 * kHi = n + 1 (kLo = −1) when no count qualifies. Cached per (n, piLo, piHi, α).
 */
export function binomialCritical(n: number, piLo: Rational, piHi: Rational, alpha: number): { kLo: number; kHi: number } {
  const key = `${n}|${piLo}|${piHi}|${alpha}`;
  const hit = binomCache.get(key);
  if (hit) return hit;
  const x = logR(Rational.fromInt(2).div(Rational.fromFloat64(alpha)), 64).hi;
  const xf = x.toFloat64();
  // upper critical count
  let kHi: number;
  if (piHi.ge(Rational.ONE)) kHi = n + 1;
  else if (piHi.sign() <= 0) kHi = 1;
  else {
    const ph = piHi.toFloat64();
    let lo = Math.floor(n * ph), hi = n; // float search for the first k with n·KL ≥ x
    while (lo < hi) { const m = (lo + hi) >>> 1; if (m / n > ph && n * klFloat(m / n, ph) >= xf) hi = m; else lo = m + 1; }
    kHi = Math.max(lo - 2, Math.floor(n * ph) + 1);
    while (kHi <= n && !(Rational.of(kHi, n).gt(piHi) && nKlLower(kHi, n, piHi).ge(x))) kHi++;
  }
  let kLo: number;
  if (piLo.sign() <= 0) kLo = -1;
  else if (piLo.ge(Rational.ONE)) kLo = n - 1;
  else {
    const pl = piLo.toFloat64();
    let lo = 0, hi = Math.ceil(n * pl); // the last k with n·KL ≥ x
    while (lo < hi) { const m = (lo + hi + 1) >>> 1; if (m / n < pl && n * klFloat(m / n, pl) >= xf) lo = m; else hi = m - 1; }
    kLo = Math.min(lo + 2, Math.ceil(n * pl) - 1);
    while (kLo >= 0 && !(Rational.of(kLo, n).lt(piLo) && nKlLower(kLo, n, piLo).ge(x))) kLo--;
  }
  const out = { kLo, kHi };
  binomCache.set(key, out);
  return out;
}

/**
 * Two-sided binomial test ({@link binomialCritical}) of an observed count `k` of `n` trials against
 * a success probability in [piLo, piHi]; false-alarm rate ≤ α. Ratio: the distance of k/n outside
 * the interval over the distance of the critical count (> 1 rejects; 0 inside the interval).
 */
export function binomialTest(o: { k: number; n: number; piLo: Rational; piHi: Rational; alpha: number; what: string }): TestResult {
  const { kLo, kHi } = binomialCritical(o.n, o.piLo, o.piHi, o.alpha);
  const f = o.k / o.n, lo = o.piLo.toFloat64(), hi = o.piHi.toFloat64();
  let stat = 0, crit = 1;
  if (f > hi) { stat = f - hi; crit = kHi / o.n - hi; } else if (f < lo) { stat = lo - f; crit = lo - kLo / o.n; }
  const reject = o.k >= kHi || o.k <= kLo;
  const ratio = crit > 0 ? (reject ? Math.max(1 + 1e-12, stat / crit) : Math.min(stat / crit, 1)) : (reject ? Infinity : 0);
  return {
    reject, ratio, statistic: stat, critical: crit,
    detail: `binomial (Chernoff–KL, proved) at α = ${o.alpha.toExponential(2)}: ${o.what}: ${o.k} of ${o.n} (${f.toPrecision(6)}) vs π ∈ [${lo.toPrecision(6)}, ${hi.toPrecision(6)}]; ` +
      `accept ${kLo + 1}..${kHi - 1}`,
  };
}

// --- Lower tail of a sum of non-negative variables (too little spread) ------------------------

/**
 * H0: Y_1..Y_K independent, Y_k ≥ 0, Σ E[Y_k] ≥ meanLo, Σ E[Y_k²] ≤ secondHi. Maurer (2003, "A bound
 * on the deviation probability for sums of non-negative random variables", JIPAM 4(1), Thm 1):
 * P(Σ E Y − Σ Y ≥ t) ≤ exp(−t²/(2 Σ E[Y²])). Reject when meanLo − ΣY ≥ √(2·secondHi·ln(1/α)) + slack:
 * false-alarm rate ≤ α. Detects samplers whose calls scatter too little (e.g. exact-count masks).
 */
export function lowerTailTest(o: { sum: number; meanLo: number; secondHi: number; alpha: number; slack?: number; what: string }): TestResult {
  const t = Math.sqrt(2 * o.secondHi * Math.log(1 / o.alpha)) * UP + (o.slack ?? 0);
  return result('Maurer lower tail of a sum of non-negative variables', Math.max(0, o.meanLo - o.sum), t, o.alpha,
    `${o.what}: Σ = ${o.sum.toPrecision(6)} vs E ≥ ${o.meanLo.toPrecision(6)} (Σ E[Y²] ≤ ${o.secondHi.toPrecision(4)})`);
}

// --- Repeated values: short periods, overlapping streams, seeds ignored ----------------------

/**
 * H0: the N pooled values are independent, and no value has probability above pMax. Then
 * R = N − #distinct satisfies E R ≤ E #{i < j : x_i = x_j} ≤ C(N, 2)·pMax, and R changes by at most 1
 * when one value changes, so McDiarmid's inequality gives P(R ≥ E R + t) ≤ exp(−2t²/N). Reject when
 * R > C(N, 2)·pMax + √(N ln(1/α)/2): false-alarm rate ≤ α. A generator with period P < (values per
 * call) repeats ≥ (call length − P) values; streams overlapping across seeds repeat whole segments.
 *
 * pMax for N(0, 1) under H0 (κ = 2⁻²⁰): x = v forces |X − v| ≤ κ|X|, i.e. X within κ|v|/(1−κ) of v,
 * where the density is ≤ φ(|v|(1 − 2κ)); so P(x = v) ≤ 2κ|v|(1 + 2κ)·φ(|v|(1 − 2κ)) ≤ 2κ(1 + 5κ)·max_s sφ(s)
 * = 2κ(1 + 5κ)·φ(1) ≤ 0.4841·κ < 2⁻²¹ (the caller passes the bound for its μ, σ).
 */
export function repeatsTest(o: { values: ArrayLike<number>; pMax: number; alpha: number; what: string }): TestResult {
  const a = (o.values instanceof Float64Array ? o.values.slice() : Float64Array.from(o.values as ArrayLike<number>)).sort();
  const N = a.length;
  let distinct = N > 0 ? 1 : 0;
  for (let i = 1; i < N; i++) if (a[i] !== a[i - 1]) distinct++;
  const R = N - distinct;
  const crit = (N * (N - 1) / 2 * o.pMax + Math.sqrt(N * Math.log(1 / o.alpha) / 2)) * UP;
  return result('repeated values (McDiarmid)', R, crit, o.alpha,
    `${o.what}: ${R} repeated values among ${N} (critical ${crit.toFixed(1)}: C(N,2)·${o.pMax.toExponential(3)} + √(N ln(1/α)/2))`);
}

/**
 * Exact oracles for estimator identities (seed 000_1c190711b4cfcedd.txt, §1.1 and §1.3.1).
 * Distributions are finite with rational probabilities; every expectation is an exact sum.
 */
import { Rational } from '../numerics/rational.js';
import { erfR, expR, sqrtR, piR, sinR, cosR, type RBounds } from '../numerics/precise.js';

/** A finite distribution: P(X = values[i]) = probs[i]; probs are ≥ 0 and sum to 1. */
export interface FiniteDist { values: Rational[]; probs: Rational[] }

export function checkDist(d: FiniteDist): void {
  if (d.values.length !== d.probs.length || d.values.length === 0) throw new RangeError('bad distribution shape');
  if (d.probs.some((p) => p.sign() < 0)) throw new RangeError('negative probability');
  if (!Rational.sum(d.probs).eq(Rational.ONE)) throw new RangeError('probabilities do not sum to 1');
}

/** E[f(X)] exactly. */
export function expectation(d: FiniteDist, f: (x: Rational) => Rational = (x) => x): Rational {
  let s = Rational.ZERO;
  for (let i = 0; i < d.values.length; i++) s = s.add(d.probs[i]!.mul(f(d.values[i]!)));
  return s;
}

/**
 * The three sides of MSE = Var + Bias² computed independently from their definitions (000:42–50):
 * MSE = E[(θ̂ − θ)²], Var = E[(θ̂ − Eθ̂)²], Bias = Eθ̂ − θ.
 */
export function mseParts(estimator: FiniteDist, theta: Rational): { mse: Rational; variance: Rational; bias: Rational } {
  const mean = expectation(estimator);
  return {
    mse: expectation(estimator, (x) => x.sub(theta).pow(2)),
    variance: expectation(estimator, (x) => x.sub(mean).pow(2)),
    bias: mean.sub(theta),
  };
}

/** Σ(x_i − x̄)² / (n − correction), exactly. */
export function sampleVariance(xs: Rational[], correction: 0 | 1): Rational {
  const n = xs.length;
  if (n - correction <= 0) throw new RangeError('need n > correction');
  const mean = Rational.sum(xs).div(Rational.fromInt(n));
  return Rational.sum(xs.map((x) => x.sub(mean).pow(2))).div(Rational.fromInt(n - correction));
}

/**
 * The exact sampling distribution of a statistic of n i.i.d. draws from `pop`, by enumerating all
 * |pop|ⁿ ordered samples (each with probability Π p_{i_k}). Guarded against blow-up.
 */
export function samplingDistribution(pop: FiniteDist, n: number, stat: (xs: Rational[]) => Rational): FiniteDist {
  const k = pop.values.length;
  if (k ** n > 200_000) throw new RangeError(`enumeration too large: ${k}^${n}`);
  const values: Rational[] = [];
  const probs: Rational[] = [];
  const idx = new Array<number>(n).fill(0);
  for (;;) {
    values.push(stat(idx.map((i) => pop.values[i]!)));
    probs.push(idx.reduce((p, i) => p.mul(pop.probs[i]!), Rational.ONE));
    let j = n - 1;
    while (j >= 0 && idx[j] === k - 1) idx[j--] = 0;
    if (j < 0) break;
    idx[j]!++;
  }
  return { values, probs };
}

/** Var(X) for X ~ pop. */
export function populationVariance(pop: FiniteDist): Rational {
  const m = expectation(pop);
  return expectation(pop, (x) => x.sub(m).pow(2));
}

/**
 * Exact score / Fisher information / Cramér–Rao quantities for finite-support parametric families
 * (seed 000_1c190711b4cfcedd.txt, lines 75–112). A family is given by its probabilities as
 * polynomials in θ: p_k(θ) = Σ_j c_{kj} θ^j, so p_k, p′_k and p″_k are exact rationals at rational θ;
 * l = log p_k, s = l′ = p′_k/p_k, −l″ = (p′_k² − p_k p″_k)/p_k².
 */

/** Coefficients (ascending powers of θ) of each outcome's probability. */
export type PolyFamily = Rational[][];

export function polyEval(c: readonly Rational[], t: Rational): Rational {
  let acc = Rational.ZERO;
  for (let j = c.length - 1; j >= 0; j--) acc = acc.mul(t).add(c[j]!);
  return acc;
}

export function polyDeriv(c: readonly Rational[]): Rational[] {
  return c.slice(1).map((v, j) => v.mul(Rational.fromInt(j + 1)));
}

export interface FisherSummary { probs: Rational[]; score: Rational[]; negHess: Rational[]; meanScore: Rational; varScore: Rational; expNegHess: Rational }

/** Exact E[s], Var(s) = E[s²] − E[s]², E[−l″] for one observation at θ (every p_k(θ) > 0). */
export function fisher(fam: PolyFamily, theta: Rational): FisherSummary {
  const probs = fam.map((c) => polyEval(c, theta));
  const d1 = fam.map((c) => polyEval(polyDeriv(c), theta));
  const d2 = fam.map((c) => polyEval(polyDeriv(polyDeriv(c)), theta));
  const score = probs.map((p, k) => d1[k]!.div(p));
  const negHess = probs.map((p, k) => d1[k]!.pow(2).sub(p.mul(d2[k]!)).div(p.pow(2)));
  const E = (f: Rational[]) => Rational.sum(f.map((v, k) => v.mul(probs[k]!)));
  const meanScore = E(score);
  const varScore = E(score.map((s) => s.mul(s))).sub(meanScore.pow(2));
  return { probs, score, negHess, meanScore, varScore, expNegHess: E(negHess) };
}

/** Bernstein mixture family p(θ) = (1−θ)²q + 2θ(1−θ)r + θ²t (q, r, t probability vectors): a valid family on [0, 1]. */
export function bernsteinFamily(q: readonly Rational[], r: readonly Rational[], t: readonly Rational[]): PolyFamily {
  const two = Rational.of(2);
  // (1−θ)² = 1 − 2θ + θ²;  2θ(1−θ) = 2θ − 2θ²;  θ²
  return q.map((qk, k) => [qk, qk.mul(two).neg().add(r[k]!.mul(two)), qk.sub(r[k]!.mul(two)).add(t[k]!)]);
}

/** Binomial(n, θ) as a polynomial family: C(n,k) θ^k (1−θ)^{n−k}, expanded. */
export function binomialFamily(n: number): PolyFamily {
  const choose = (a: number, b: number): number => { let r = 1; for (let i = 0; i < b; i++) r = (r * (a - i)) / (i + 1); return Math.round(r); };
  return Array.from({ length: n + 1 }, (_, k) => {
    const c = new Array<Rational>(n + 1).fill(Rational.ZERO);
    for (let j = 0; j <= n - k; j++) c[k + j] = Rational.fromInt(choose(n, k) * choose(n - k, j) * (j % 2 === 0 ? 1 : -1));
    return c;
  });
}

/** The n-fold i.i.d. product of a family: outcomes are index tuples (row-major), probabilities multiply. */
export function iidFamily(fam: PolyFamily, n: number): PolyFamily {
  let cur: PolyFamily = [[Rational.ONE]];
  for (let i = 0; i < n; i++) {
    const next: PolyFamily = [];
    for (const a of cur) for (const b of fam) {
      const c = new Array<Rational>(a.length + b.length - 1).fill(Rational.ZERO);
      a.forEach((x, p) => b.forEach((y, q) => { c[p + q] = c[p + q]!.add(x.mul(y)); }));
      next.push(c);
    }
    cur = next;
  }
  return cur;
}

export interface EstimatorSummary { psi: Rational; dpsi: Rational; variance: Rational; covTS: Rational; info: Rational }

/** For an estimator T (value per outcome): ψ = E_θ T, ψ′ = Σ T p′, Var(T), Cov(T, s) = E[T s], and I(θ). */
export function estimator(fam: PolyFamily, theta: Rational, T: readonly Rational[]): EstimatorSummary {
  const f = fisher(fam, theta);
  const d1 = fam.map((c) => polyEval(polyDeriv(c), theta));
  const psi = Rational.sum(T.map((v, k) => v.mul(f.probs[k]!)));
  const dpsi = Rational.sum(T.map((v, k) => v.mul(d1[k]!)));
  const variance = Rational.sum(T.map((v, k) => v.sub(psi).pow(2).mul(f.probs[k]!)));
  const covTS = Rational.sum(T.map((v, k) => v.mul(f.score[k]!).mul(f.probs[k]!)));
  return { psi, dpsi, variance, covTS, info: f.varScore };
}

/** Exact one-sided binomial tests (seed 000_1c190711b4cfcedd.txt, lines 127–195). */

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

/**
 * Exact size of the two-sided one-sample t-test for EVEN degrees of freedom ν.
 *
 * With θ = arctan(t/√ν) and s = sin θ = t/√(t² + ν), Student's t with even ν has the closed form
 *   P(|T| ≤ t) = s · Σ_{k=0}^{ν/2−1} c_k (1 − s²)^k,   c_0 = 1, c_k = c_{k−1}(2k − 1)/(2k)
 * (Abramowitz & Stegun 26.7.3). Choosing s RATIONAL makes everything exact: the critical value
 * is c² = ν s²/(1 − s²) (rational; the test rejects when t² > c², no square root needed) and the
 * size is 1 − s·Σ c_k (1 − s²)^k (rational). {@link tDensityCheck} verifies the closed form
 * against the t density exactly: dP/ds = 2 q_ν (1 − s²)^{ν/2 − 1} with
 * q_ν = Γ((ν+1)/2)/(√π Γ(ν/2)) = (ν−1)!!/(2^{ν/2} (ν/2 − 1)!) rational for even ν, and P(0) = 0.
 */

function coeffs(nu: number): Rational[] {
  if (!(Number.isInteger(nu) && nu >= 2 && nu % 2 === 0)) throw new RangeError('t oracle: ν must be even and ≥ 2');
  const c = [Rational.ONE];
  for (let k = 1; k < nu / 2; k++) c.push(c[k - 1]!.mul(Rational.of(2 * k - 1, 2 * k)));
  return c;
}

/** P(|T_ν| ≤ c) where s = c/√(c² + ν), exactly (0 ≤ s < 1 rational). */
export function tTwoSidedCdf(nu: number, s: Rational): Rational {
  const c = coeffs(nu);
  const u = Rational.ONE.sub(s.mul(s));
  let acc = Rational.ZERO, pw = Rational.ONE;
  for (const ck of c) { acc = acc.add(ck.mul(pw)); pw = pw.mul(u); }
  return s.mul(acc);
}

/** The exact size P(|T_ν| > c) and the squared critical value c² = ν s²/(1 − s²). */
export function tTestSize(nu: number, s: Rational): { size: Rational; c2: Rational } {
  if (s.sign() <= 0 || !s.lt(Rational.ONE)) throw new RangeError('t oracle: s must be in (0, 1)');
  const s2 = s.mul(s);
  return { size: Rational.ONE.sub(tTwoSidedCdf(nu, s)), c2: Rational.fromInt(nu).mul(s2).div(Rational.ONE.sub(s2)) };
}

/** q_ν = Γ((ν+1)/2)/(√π Γ(ν/2)) for even ν: (ν−1)!!/(2^{ν/2}(ν/2−1)!). */
export function tDensityConstant(nu: number): Rational {
  let num = 1n, den = 1n;
  for (let k = nu - 1; k >= 1; k -= 2) num *= BigInt(k);
  for (let k = 2; k < nu / 2; k++) den *= BigInt(k);
  den *= 1n << BigInt(nu / 2);
  return Rational.of(num, den);
}

/**
 * Exact check that the closed form is the t distribution: at s, d/ds P = 2 q_ν (1 − s²)^{ν/2−1}
 * (the density f(t) = (q_ν/√ν)(1 + t²/ν)^{−(ν+1)/2} pulled back by t = √ν s/√(1 − s²)).
 */
export function tDensityCheck(nu: number, s: Rational): { lhs: Rational; rhs: Rational } {
  const c = coeffs(nu);
  const u = Rational.ONE.sub(s.mul(s));
  let lhs = Rational.ZERO;
  c.forEach((ck, k) => {
    // d/ds [s u^k] = u^k − 2k s² u^{k−1}
    const term = u.pow(k).sub(k === 0 ? Rational.ZERO : Rational.fromInt(2 * k).mul(s.mul(s)).mul(u.pow(k - 1)));
    lhs = lhs.add(ck.mul(term));
  });
  const rhs = Rational.fromInt(2).mul(tDensityConstant(nu)).mul(u.pow(nu / 2 - 1));
  return { lhs, rhs };
}

/** Exact t statistic squared of rational samples: t² = n (x̄ − μ0)² / S², S² with 1/(n−1). */
export function tStatisticSquared(xs: readonly Rational[], mu0: Rational): Rational {
  const n = xs.length;
  const mean = Rational.sum(xs).div(Rational.fromInt(n));
  const s2 = Rational.sum(xs.map((x) => x.sub(mean).pow(2))).div(Rational.fromInt(n - 1));
  return Rational.fromInt(n).mul(mean.sub(mu0).pow(2)).div(s2);
}

/**
 * Rigorous power computations for one-sided tests of a normal mean.
 *
 * - z-test (σ known), reject when √n(x̄ − μ₀)/σ > c: power Φ(√n·e − c), e = (μ − μ₀)/σ;
 *   two-sided (|·| > c): Φ(√n·e − c) + Φ(−√n·e − c).
 * - t-test, reject when T = √n(x̄ − μ₀)/s > c, T ~ noncentral t(ν = n − 1, δ = √n·e):
 *   P(T > c) = E[Φ(δ − c·R)], R = √(V/ν), V ~ χ²_ν. For ν = 1, R = |W| (W standard normal),
 *   P(|W| ≤ √2·u) = erf u; for ν = 2, R² ~ Exp(1), P(R > r) = e^{−r²}. The expectation of the
 *   decreasing function r ↦ Φ(δ − c·r) is enclosed by lower/upper Riemann–Stieltjes sums on a
 *   grid, with the tail mass bounded — every number is a rigorous rational bound.
 * Φ(x) = (1 + erf(x/√2))/2; arguments are passed already divided by √2.
 */

const BITS = 64;
const ONE = Rational.ONE, HALF = Rational.of(1, 2);
/** Enclosure of Φ(√2·u) for u in [lo, hi] (Φ increasing). */
export function phiScaled(lo: Rational, hi: Rational, bits = BITS): RBounds {
  return { lo: HALF.mul(ONE.add(erfR(lo, bits).lo)), hi: HALF.mul(ONE.add(erfR(hi, bits).hi)) };
}
const mulB = (a: RBounds, b: RBounds): RBounds => {
  const p = [a.lo.mul(b.lo), a.lo.mul(b.hi), a.hi.mul(b.lo), a.hi.mul(b.hi)];
  return { lo: p.reduce((x, y) => Rational.min(x, y)), hi: p.reduce((x, y) => Rational.max(x, y)) };
};

/** Power of the one-sided (or two-sided) z-test: Φ(√n e − c) (+ Φ(−√n e − c)). */
export function zPower(n: number, e: Rational, c: Rational, twoSided = false, bits = BITS): RBounds {
  const sn = sqrtR(Rational.of(n), bits), ir2 = sqrtR(HALF, bits); // √n, 1/√2
  const se = mulB(sn, { lo: e, hi: e });
  const up = mulB({ lo: se.lo.sub(c), hi: se.hi.sub(c) }, ir2);
  let p = phiScaled(up.lo, up.hi, bits);
  if (twoSided) {
    const dn = mulB({ lo: se.hi.neg().sub(c), hi: se.lo.neg().sub(c) }, ir2);
    const q = phiScaled(dn.lo, dn.hi, bits);
    p = { lo: p.lo.add(q.lo), hi: p.hi.add(q.hi) };
  }
  return p;
}

/**
 * E[Φ(√2(a − b·r))] over R with survival function S (enclosed by `surv`), for b ≥ 0 given as an
 * enclosure [bLo, bHi] and a as [aLo, aHi]; grid r_i = i·h, i = 0..N; beyond r_N the integrand
 * is bounded above by its value at r_N and below by 0.
 */
function expectPhi(a: RBounds, b: RBounds, surv: (r: Rational) => RBounds, h: Rational, N: number): RBounds {
  const phiAt = (r: Rational) => phiScaled(a.lo.sub(b.hi.mul(r)), a.hi.sub(b.lo.mul(r)));
  let lo = Rational.ZERO, hi = Rational.ZERO;
  let S0 = surv(Rational.ZERO), P0 = phiAt(Rational.ZERO);
  for (let i = 0; i < N; i++) {
    const r1 = h.mul(Rational.of(i + 1));
    const S1 = surv(r1), P1 = phiAt(r1);
    const mLo = Rational.max(S0.lo.sub(S1.hi), Rational.ZERO), mHi = S0.hi.sub(S1.lo);
    lo = lo.add(mLo.mul(P1.lo));
    hi = hi.add(mHi.mul(P0.hi));
    S0 = S1; P0 = P1;
  }
  hi = hi.add(S0.hi.mul(P0.hi));
  return { lo, hi };
}

/** Noncentral-t power, ν = 1 (n = 2): δ/√2 = e exactly; c ∈ [cLo, cHi]. Grid in u = r/√2. */
export function tPowerNu1(e: Rational, c: RBounds, h = Rational.of(1, 64), N = 384): RBounds {
  // R = |W|, P(|W| > √2u) = 1 − erf(u); integrand Φ(δ − c√2u) = Φ(√2(e − c·u)).
  const surv = (u: Rational): RBounds => { const E = erfR(u, BITS); return { lo: ONE.sub(E.hi), hi: ONE.sub(E.lo) }; };
  return expectPhi({ lo: e, hi: e }, c, surv, h, N);
}

/** Noncentral-t power, ν = 2 (n = 3): a = δ/√2 ∈ aB, b = c/√2 ∈ bB; R² ~ Exp(1). */
export function tPowerNu2(aB: RBounds, bB: RBounds, h = Rational.of(1, 64), N = 448): RBounds {
  const surv = (r: Rational): RBounds => expR(r.mul(r).neg(), BITS);
  return expectPhi(aB, bB, surv, h, N);
}

/** Rigorous check that q ∈ [lo, hi] where q = cot(π/20) = t_{1, 0.95} (upper 5% point of Cauchy). */
export function bracketsT1(lo: Rational, hi: Rational): boolean {
  const pi = piR(BITS), xl = pi.lo.div(Rational.of(20)), xh = pi.hi.div(Rational.of(20));
  const cotLo = cosR(xh, BITS).lo.div(sinR(xh, BITS).hi), cotHi = cosR(xl, BITS).hi.div(sinR(xl, BITS).lo);
  return lo.le(cotLo) && cotHi.le(hi);
}
/** [lo, hi] ∋ √x, checked exactly by squaring. */
export const bracketsSqrt = (x: Rational, lo: Rational, hi: Rational): boolean => lo.mul(lo).le(x) && x.le(hi.mul(hi));

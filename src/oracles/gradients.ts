/**
 * Exact Gaussian-expectation oracles for gradient estimators (seed 002_606757b0cdfd2eb0.txt,
 * lines 247–264). For X = μ + σZ, Z ~ N(0, 1), and a polynomial f(x) = Σ_n a_n xⁿ, every
 * expectation below is a finite sum of Gaussian moments E[Z^k] = (k − 1)!! (k even), 0 (k odd),
 * hence an exact rational for rational μ, σ.
 */
import { Rational } from '../numerics/rational.js';

/** Polynomial in one variable: coefficients a_0, a_1, … (exact). */
export type Poly = Rational[];

export function polyEval(p: Poly, x: Rational): Rational {
  let s = Rational.ZERO;
  for (let n = p.length - 1; n >= 0; n--) s = s.mul(x).add(p[n]!);
  return s;
}
export function polyDeriv(p: Poly): Poly {
  return p.slice(1).map((a, n) => a.mul(Rational.fromInt(n + 1)));
}
export function polyMul(p: Poly, q: Poly): Poly {
  const r: Poly = Array.from({ length: Math.max(p.length + q.length - 1, 0) }, () => Rational.ZERO);
  p.forEach((a, i) => q.forEach((b, j) => { r[i + j] = r[i + j]!.add(a.mul(b)); }));
  return r;
}
export function polyAdd(p: Poly, q: Poly): Poly {
  return Array.from({ length: Math.max(p.length, q.length) }, (_, i) => (p[i] ?? Rational.ZERO).add(q[i] ?? Rational.ZERO));
}
export const polyScale = (p: Poly, c: Rational): Poly => p.map((a) => a.mul(c));

/** E[Z^k] for Z ~ N(0, 1): (k − 1)!! for even k, 0 for odd k. */
export function stdNormalMoment(k: number): Rational {
  if (k % 2 === 1) return Rational.ZERO;
  let m = 1n;
  for (let j = k - 1; j > 1; j -= 2) m *= BigInt(j);
  return Rational.of(m);
}

function binom(n: number, k: number): Rational {
  let r = 1n;
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return Rational.of(r);
}

/**
 * E[g(Z)] for a polynomial g in z: Σ_k g_k E[Z^k].
 */
export function expectZ(g: Poly): Rational {
  return Rational.sum(g.map((c, k) => c.mul(stdNormalMoment(k))));
}

/** f(μ + σz) as a polynomial in z (exact binomial expansion). */
export function composeAffine(f: Poly, mu: Rational, sigma: Rational): Poly {
  let out: Poly = [];
  let pow: Poly = [Rational.ONE]; // (μ + σz)^n
  for (let n = 0; n < f.length; n++) {
    out = polyAdd(out, polyScale(pow, f[n]!));
    pow = polyMul(pow, [mu, sigma]);
  }
  return out;
}

/** F(μ, σ) = E[f(μ + σZ)]. */
export function gaussExpect(f: Poly, mu: Rational, sigma: Rational): Rational {
  return expectZ(composeAffine(f, mu, sigma));
}

/**
 * F as an explicit polynomial in μ (σ fixed) and in σ (μ fixed), by expanding
 * E[(μ + σZ)ⁿ] = Σ_k C(n, k) μ^{n−k} σ^k E[Z^k]; used to differentiate F exactly (no estimator).
 */
export function expectationAsPolyInMu(f: Poly, sigma: Rational): Poly {
  let out: Poly = [];
  f.forEach((a, n) => {
    for (let k = 0; k <= n; k++) {
      const c = a.mul(binom(n, k)).mul(sigma.pow(k)).mul(stdNormalMoment(k));
      const term: Poly = Array.from({ length: n - k + 1 }, (_, i) => (i === n - k ? c : Rational.ZERO));
      out = polyAdd(out, term);
    }
  });
  return out;
}
export function expectationAsPolyInSigma(f: Poly, mu: Rational): Poly {
  let out: Poly = [];
  f.forEach((a, n) => {
    for (let k = 0; k <= n; k++) {
      const c = a.mul(binom(n, k)).mul(mu.pow(n - k)).mul(stdNormalMoment(k));
      const term: Poly = Array.from({ length: k + 1 }, (_, i) => (i === k ? c : Rational.ZERO));
      out = polyAdd(out, term);
    }
  });
  return out;
}

/** Score-function (log-derivative) estimator means: E[f(X)∂_μ log p] and E[f(X)∂_σ log p], X ~ N(μ, σ²). */
export function scoreMu(f: Poly, mu: Rational, sigma: Rational): Rational {
  // ∂_μ log p = (x − μ)/σ² = Z/σ
  return expectZ(polyMul(composeAffine(f, mu, sigma), [Rational.ZERO, sigma.inv()]));
}
export function scoreSigma(f: Poly, mu: Rational, sigma: Rational): Rational {
  // ∂_σ log p = −1/σ + (x − μ)²/σ³ = (Z² − 1)/σ
  return expectZ(polyMul(composeAffine(f, mu, sigma), [sigma.inv().neg(), Rational.ZERO, sigma.inv()]));
}
/** Reparameterisation estimator means with x = g(z) = μ + σz: E[f′(g)·∂g/∂μ] = E[f′(X)], E[f′(g)·∂g/∂σ] = E[f′(X)Z]. */
export function reparamMu(f: Poly, mu: Rational, sigma: Rational): Rational {
  return expectZ(composeAffine(polyDeriv(f), mu, sigma));
}
export function reparamSigma(f: Poly, mu: Rational, sigma: Rational): Rational {
  return expectZ(polyMul(composeAffine(polyDeriv(f), mu, sigma), [Rational.ZERO, Rational.ONE]));
}

/** Second moments of the single-sample estimators (for their variances). */
export function scoreMuSecondMoment(f: Poly, mu: Rational, sigma: Rational): Rational {
  const g = polyMul(composeAffine(f, mu, sigma), [Rational.ZERO, sigma.inv()]);
  return expectZ(polyMul(g, g));
}
export function reparamMuSecondMoment(f: Poly, mu: Rational, sigma: Rational): Rational {
  const g = composeAffine(polyDeriv(f), mu, sigma);
  return expectZ(polyMul(g, g));
}

/**
 * A one-parameter discrete family p_θ(x) = (1 − θ)q₀(x) + θq₁(x) on a finite support: F(θ) = Σ p_θ f
 * is linear in θ, F′ = Σ (q₁ − q₀) f, and the log-derivative estimator's mean is
 * Σ_x p_θ(x)·((q₁ − q₀)/p_θ)(x)·f(x) over the support of p_θ.
 */
export function mixtureLogDerivative(q0: Rational[], q1: Rational[], f: Rational[], theta: Rational): { exact: Rational; estimator: Rational; byDifference: Rational } {
  const p = q0.map((a, i) => Rational.ONE.sub(theta).mul(a).add(theta.mul(q1[i]!)));
  let est = Rational.ZERO;
  p.forEach((pi, i) => { if (!pi.isZero()) est = est.add(pi.mul(q1[i]!.sub(q0[i]!).div(pi)).mul(f[i]!)); });
  const exact = Rational.sum(f.map((fi, i) => fi.mul(q1[i]!.sub(q0[i]!))));
  const F = (t: Rational) => Rational.sum(f.map((fi, i) => fi.mul(Rational.ONE.sub(t).mul(q0[i]!).add(t.mul(q1[i]!)))));
  return { exact, estimator: est, byDifference: F(theta.add(Rational.ONE)).sub(F(theta)) };
}

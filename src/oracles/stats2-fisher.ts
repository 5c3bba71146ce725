/**
 * Exact score / Fisher information / Cramér–Rao quantities for finite-support parametric families
 * (seed 000_1c190711b4cfcedd.txt, lines 75–112). A family is given by its probabilities as
 * polynomials in θ: p_k(θ) = Σ_j c_{kj} θ^j, so p_k, p′_k and p″_k are exact rationals at rational θ;
 * l = log p_k, s = l′ = p′_k/p_k, −l″ = (p′_k² − p_k p″_k)/p_k².
 */
import { Rational } from '../numerics/rational.js';

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

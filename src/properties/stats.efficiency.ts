/**
 * stats.efficiency — e(T) = (1/I(θ))/Var(T) ≤ 1 for unbiased T (Cramér–Rao); efficient (e = 1 for
 * all θ) implies minimum-variance unbiased, but not conversely. Exact: the Bernoulli sample mean is
 * efficient; for η = θ² in Bernoulli(θ) samples, the UMVUE K(K−1)/(n(n−1)) (K = number of ones)
 * has variance strictly above the Cramér–Rao bound.
 * Seed 000_1c190711b4cfcedd.txt, line 112: "Thus, an efficient estimator is the MVUE (but not necessarily conversely)."
 */

import fc from 'fast-check';
import type { ClaimModule } from '../registry/types.js';
import { Rational } from '../numerics/rational.js';
import { estimator, iidFamily, binomialFamily } from '../oracles/statistics.js';
import { estimatorArb, bernoulliMean } from './stats.cramer-rao.js';

const ones = (idx: number, n: number) => { let k = 0; for (let i = 0; i < n; i++) k += Math.floor(idx / 2 ** i) % 2; return k; };

/** Variance of the UMVUE of η = θ² and the Cramér–Rao bound for η: (dη/dθ)²/I_n(θ) = 4θ²·θ(1−θ)/n. */
export function thetaSquared(n: number, theta: Rational): { mean: Rational; variance: Rational; bound: Rational } {
  const fam = iidFamily(binomialFamily(1), n);
  const T = fam.map((_, idx) => { const k = ones(idx, n); return Rational.of(k * (k - 1), n * (n - 1)); });
  const e = estimator(fam, theta, T);
  return { mean: e.psi, variance: e.variance, bound: e.dpsi.pow(2).div(e.info) };
}

export const claim: ClaimModule = {
  id: 'stats.efficiency',
  properties: [
    {
      name: 'at-most-one',
      kind: 'identity',
      description: 'For every estimator, the generalised efficiency (ψ′²/I)/Var(T) is ≤ 1 (for unbiased T, ψ′ = 1 and this is e(T)).',
      arbitrary: estimatorArb.filter(({ fam, theta, T }) => { const e = estimator(fam, theta, T); return !e.variance.isZero() && !e.info.isZero(); }),
      runs: 80,
      check: ({ fam, theta, T, label }) => {
        const e = estimator(fam, theta, T);
        const eff = e.dpsi.pow(2).div(e.info).div(e.variance);
        return eff.le(Rational.ONE) ? { ok: true } : { ok: false, detail: `${label}: e = ${eff}` };
      },
    },
    {
      name: 'umvue-not-efficient',
      kind: 'identity',
      description: 'For η = θ² from n ≥ 2 Bernoulli(θ) draws, K(K−1)/(n(n−1)) is unbiased for η (it is the UMVUE: a function of the complete sufficient K) with Var > (dη/dθ)²/I_n for every θ ∈ (0, 1).',
      arbitrary: fc.record({ n: fc.integer({ min: 2, max: 5 }), theta: fc.integer({ min: 1, max: 15 }).map((k) => Rational.of(k, 16)) }),
      runs: 40,
      check: ({ n, theta }) => {
        const r = thetaSquared(n, theta);
        return r.mean.eq(theta.pow(2)) && r.variance.gt(r.bound) ? { ok: true } : { ok: false, detail: `E = ${r.mean}, Var = ${r.variance}, bound ${r.bound}` };
      },
    },
  ],
  audit: () => {
    const theta = Rational.of(1, 2);
    const r = thetaSquared(3, theta);
    const { fam, T } = bernoulliMean(3);
    const m = estimator(fam, theta, T);
    return [
      {
        id: 'stats.efficiency',
        verdict: 'confirmed',
        evidence: `e(T) ≤ 1 for every generated estimator; the Bernoulli sample mean (n = 3, θ = 1/2) has Var = ${m.variance} = 1/I₃, e = 1. ` +
          `"Not necessarily conversely": for η = θ² (n = 3, θ = 1/2) the UMVUE K(K−1)/6 has E = ${r.mean}, Var = ${r.variance} > Cramér–Rao bound ${r.bound} ` +
          `(efficiency ${r.bound.div(r.variance)}), so an MVUE need not be efficient.`,
      },
    ];
  },
};
